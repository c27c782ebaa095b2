package io.inkwell.web.reader;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The nearest page above an address that forms post to: {@code /admin} for {@code /admin/posts},
 * {@code /admin/account} for {@code /admin/account/password}, the post for {@code
 * /posts/hello/comments}. A form shown again with its errors leaves such an address in the
 * browser's address bar, and opening it again there asks for a page that is not one.
 */
@Component
class PageAbove {

  private final RequestMappingHandlerMapping pages;

  PageAbove(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping pages) {
    this.pages = pages;
  }

  /**
   * @param path the address's path, as the request has it (encoded)
   * @return the path of the nearest address above it that a browser can open, if there is one
   */
  Optional<String> of(String path) {
    String above = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    while (above.lastIndexOf('/') > 0) {
      above = above.substring(0, above.lastIndexOf('/'));
      if (opens(above)) {
        return Optional.of(above);
      }
    }
    return Optional.empty();
  }

  /** Whether a page answers a GET of the path. */
  private boolean opens(String path) {
    PathContainer address = PathContainer.parsePath(path);
    return pages.getHandlerMethods().keySet().stream()
        .filter(PageAbove::takesGet)
        .anyMatch(
            mapping ->
                mapping.getPathPatternsCondition() != null
                    && mapping.getPathPatternsCondition().getPatterns().stream()
                        .anyMatch(pattern -> pattern.matches(address)));
  }

  private static boolean takesGet(RequestMappingInfo mapping) {
    var methods = mapping.getMethodsCondition().getMethods();
    return methods.isEmpty() || methods.contains(RequestMethod.GET);
  }
}
