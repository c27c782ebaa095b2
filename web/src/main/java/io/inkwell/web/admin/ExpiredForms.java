package io.inkwell.web.admin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * An admin form sent with a CSRF token its session no longer has (the session ran out after 30
 * minutes without a request, or the person signed in again since the page was opened) is not
 * carried out, but it is not a bare 403 either, as WordPress's "The link you followed has expired"
 * is. The editor's text is kept and is back in the editor once the person is signed in again; any
 * other form leads back to its page, which says that it was not done. Only a form the browser says
 * was sent from this site ({@code Sec-Fetch-Site: same-origin}, or an {@code Origin} that is the
 * blog's) is treated so: one another site posts here stays the 403 it was, so that it cannot put
 * its words in an author's editor. Anything else refused stays a 403 too.
 */
final class ExpiredForms implements AccessDeniedHandler {

  static final String NOT_DONE =
      "That was not done: your sign-in had run out since the page was opened. Do it again.";

  private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();
  private final FlashMapManager flashMaps = new SessionFlashMapManager();
  private final String siteOrigin;

  /**
   * @param siteUrl the blog's public address, whose scheme, host and port are the {@code Origin} of
   *     its own pages' forms
   */
  ExpiredForms(String siteUrl) {
    URI site = URI.create(siteUrl);
    this.siteOrigin = site.getScheme() + "://" + site.getRawAuthority();
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException, ServletException {
    if (!(denied instanceof CsrfException)
        || !request.getRequestURI().startsWith("/admin/")
        || !fromThisSite(request)) {
      otherwise.handle(request, response, denied);
      return;
    }
    String back =
        StaffPages.keepUnsavedText(request)
            .orElseGet(
                () -> {
                  String page = formPage(request);
                  var notice = new FlashMap();
                  notice.put("error", NOT_DONE);
                  notice.setTargetRequestPath(URI.create(page).getPath());
                  flashMaps.saveOutputFlashMap(notice, request, response);
                  return page;
                });
    response.sendRedirect(back);
  }

  private boolean fromThisSite(HttpServletRequest request) {
    return "same-origin".equals(request.getHeader("Sec-Fetch-Site"))
        || siteOrigin.equalsIgnoreCase(String.valueOf(request.getHeader("Origin")));
  }

  /**
   * The admin page the form was on, by the address browsers send as {@code Referer} within the site
   * (the gateway's policy keeps it for the blog's own pages); the admin's first page when there is
   * none. Only its path and query are used, so it leads nowhere but this site's admin.
   */
  static String formPage(HttpServletRequest request) {
    String referer = request.getHeader("Referer");
    if (referer != null) {
      try {
        URI page = URI.create(referer);
        String path = page.getRawPath();
        if (path != null && (path.equals("/admin") || path.startsWith("/admin/"))) {
          return page.getRawQuery() == null ? path : path + "?" + page.getRawQuery();
        }
      } catch (IllegalArgumentException unreadable) {
        // the admin's first page, then
      }
    }
    return "/admin";
  }
}
