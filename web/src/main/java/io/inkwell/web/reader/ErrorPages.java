package io.inkwell.web.reader;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.RestClientException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.view.RedirectView;

/** Readers get pages, never stack traces: a friendly 404, and a calm page when the API fails. */
@ControllerAdvice
class ErrorPages {

  private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

  /** As long as the gateway's circuit breaker waits before it tries a service again. */
  private static final String RETRY_AFTER_SECONDS = "10";

  private final OldAddresses oldAddresses;
  private final PageAbove pageAbove;

  ErrorPages(OldAddresses oldAddresses, PageAbove pageAbove) {
    this.oldAddresses = oldAddresses;
    this.pageAbove = pageAbove;
  }

  /**
   * No page here: unless a post imported from the old blog lived at this address (Blogger's pages
   * were at {@code /p/about.html}, where preview links are now). An address nothing serves, and a
   * theme file that is not there.
   */
  @ExceptionHandler({NotFound.class, NoHandlerFoundException.class, NoResourceFoundException.class})
  ModelAndView noPage(HttpServletRequest request, HttpServletResponse response) {
    try {
      return oldAddresses
          .redirect(request)
          .map(ModelAndView::new)
          .orElseGet(() -> new ModelAndView("error/404", HttpStatus.NOT_FOUND));
    } catch (RestClientException e) {
      // whether the address moved cannot be known now: not a 404, which search engines act on
      return unavailable(e, response);
    }
  }

  /**
   * An address only forms post to, opened in the browser (a form shown again with its errors left
   * it in the address bar): the page above it (303) rather than an error. Any other method a page
   * does not take is a 405 with {@code Allow}.
   */
  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ModelAndView methodNotTaken(
      HttpRequestMethodNotSupportedException e,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    if ("GET".equals(request.getMethod())) {
      var above = pageAbove.of(request.getRequestURI());
      if (above.isPresent()) {
        var view = new RedirectView(above.get());
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
      }
    }
    if (e.getSupportedHttpMethods() != null) {
      response.setHeader(
          HttpHeaders.ALLOW,
          String.join(", ", e.getSupportedHttpMethods().stream().map(HttpMethod::name).toList()));
    }
    response.sendError(HttpStatus.METHOD_NOT_ALLOWED.value());
    return new ModelAndView();
  }

  /**
   * A form the servlet container cannot read: parameters that are not percent-encoded UTF-8, a
   * multipart body without its boundary or cut short (400), or a file above the upload limit (413).
   * Browsers get the blog's error page, other clients a problem ({@link ProblemAnswers}).
   */
  @ExceptionHandler({InvalidParameterException.class, MultipartException.class})
  void unreadableForm(Exception e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // named as the request's error, or the error page's own dispatch would parse the body again
    request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, e);
    response.sendError(
        e instanceof MaxUploadSizeExceededException
            ? HttpStatus.CONTENT_TOO_LARGE.value()
            : HttpStatus.BAD_REQUEST.value());
  }

  /**
   * The API cannot be reached or answers with a server error ({@link
   * io.inkwell.web.api.ApiUnavailable}): a 503 with {@code Retry-After}, so that a reader is asked
   * to come back and a search engine keeps the page it knew, rather than an empty list or a 404.
   */
  @ExceptionHandler(RestClientException.class)
  ModelAndView apiUnavailable(RestClientException e, HttpServletResponse response) {
    return unavailable(e, response);
  }

  private static ModelAndView unavailable(RestClientException e, HttpServletResponse response) {
    log.warn("The API could not answer: {}", e.getMessage());
    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    return new ModelAndView("error", HttpStatus.SERVICE_UNAVAILABLE);
  }
}
