package io.inkwell.web.reader;

import io.inkwell.web.api.BlogApi;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriUtils;

/**
 * Links into the blog's old home keep working after an import: an address the reader site has no
 * page for ({@code /2019/05/14/hello-world/}, {@code /?p=12} on WordPress) is asked about at the
 * API, and a post that lived there is answered with a permanent redirect to where it is now.
 */
@Component
class OldAddresses {

  private final BlogApi api;

  OldAddresses(BlogApi api) {
    this.api = api;
  }

  /** A 301 to the post that lived at the request's address, if one did. */
  Optional<RedirectView> redirect(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      return Optional.empty();
    }
    String path;
    try {
      path = UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8);
      if (request.getQueryString() != null) {
        path += "?" + UriUtils.decode(request.getQueryString(), StandardCharsets.UTF_8);
      }
    } catch (IllegalArgumentException badEscape) {
      return Optional.empty();
    }
    return redirect(path);
  }

  /**
   * @param oldPath decoded, with its query
   */
  Optional<RedirectView> redirect(String oldPath) {
    return api.redirect(oldPath)
        .map(
            moved -> {
              var view =
                  new RedirectView(
                      (moved.page() ? "/pages/" : "/posts/")
                          + UriUtils.encodePathSegment(moved.slug(), StandardCharsets.UTF_8));
              view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
              view.setExposeModelAttributes(false);
              return view;
            });
  }
}
