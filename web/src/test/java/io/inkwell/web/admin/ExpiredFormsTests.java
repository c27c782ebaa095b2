package io.inkwell.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/** What an admin form whose CSRF token the session no longer has leads to. */
class ExpiredFormsTests {

  private final ExpiredForms forms = new ExpiredForms("https://blog.example.org");

  @Test
  void theEditorsTextSentFromTheBlogIsKeptForTheEditor() throws Exception {
    var request = post("/admin/posts/p1");
    request.addHeader("Origin", "https://blog.example.org");
    request.addParameter("title", "Written over lunch");
    request.addParameter("body", "Every word of it.");
    request.addParameter("action", "publish");
    var response = new MockHttpServletResponse();

    forms.handle(request, response, new MissingCsrfTokenException("gone"));

    assertThat(response.getRedirectedUrl()).isEqualTo("/admin/posts/p1");
    var unsaved = (AdminController.Unsaved) request.getSession().getAttribute(StaffPages.UNSAVED);
    assertThat(unsaved.id()).isEqualTo("p1");
    assertThat(unsaved.form().title()).isEqualTo("Written over lunch");
    assertThat(unsaved.form().body()).isEqualTo("Every word of it.");
  }

  @Test
  void anyOtherFormLeadsBackToItsPageWhichSaysItWasNotDone() throws Exception {
    var request = post("/admin/comments/c1/approve");
    request.addHeader("Sec-Fetch-Site", "same-origin");
    request.addHeader("Referer", "https://blog.example.org/admin/comments?status=PENDING");
    var response = new MockHttpServletResponse();

    forms.handle(
        request,
        response,
        new InvalidCsrfTokenException(
            new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "the session's"), "the page's"));

    assertThat(response.getRedirectedUrl()).isEqualTo("/admin/comments?status=PENDING");
    @SuppressWarnings("unchecked")
    var notices =
        (java.util.List<FlashMap>)
            request
                .getSession()
                .getAttribute(SessionFlashMapManager.class.getName() + ".FLASH_MAPS");
    assertThat(notices)
        .singleElement()
        .satisfies(
            notice -> {
              assertThat(notice.get("error")).isEqualTo(ExpiredForms.NOT_DONE);
              assertThat(notice.getTargetRequestPath()).isEqualTo("/admin/comments");
            });
  }

  @Test
  void aPageOutsideTheAdminIsNotWhereAFormLeadsBack() throws Exception {
    var request = post("/admin/account/notifications");
    request.addHeader("Origin", "https://blog.example.org");
    request.addHeader("Referer", "https://blog.example.org/posts/hello");
    var response = new MockHttpServletResponse();

    forms.handle(request, response, new MissingCsrfTokenException("gone"));

    assertThat(response.getRedirectedUrl()).isEqualTo("/admin");
  }

  @Test
  void aFormAnotherSiteSentStaysA403AndLeavesNothingInTheSession() throws Exception {
    var request = post("/admin/posts");
    request.addHeader("Origin", "https://elsewhere.example");
    request.addParameter("title", "Their words");
    var response = new MockHttpServletResponse();

    forms.handle(request, response, new MissingCsrfTokenException("gone"));

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(request.getSession(false)).isNull();
  }

  @Test
  void aFormThatSaysNothingOfWhereItComesFromStaysA403() throws Exception {
    var request = post("/admin/posts");
    request.addParameter("title", "Whose words?");
    var response = new MockHttpServletResponse();

    forms.handle(request, response, new MissingCsrfTokenException("gone"));

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(request.getSession(false)).isNull();
  }

  @Test
  void whatIsRefusedForAnotherReasonStaysA403() throws Exception {
    var request = post("/admin/posts");
    request.addHeader("Origin", "https://blog.example.org");
    var response = new MockHttpServletResponse();

    forms.handle(request, response, new AccessDeniedException("not theirs"));

    assertThat(response.getStatus()).isEqualTo(403);
  }

  private static MockHttpServletRequest post(String path) {
    var request = new MockHttpServletRequest("POST", path);
    request.setServletPath(path);
    return request;
  }
}
