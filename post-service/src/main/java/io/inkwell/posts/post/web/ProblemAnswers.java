package io.inkwell.posts.post.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised before any endpoint is chosen, by the servlet container or a filter (an address the
 * firewall refuses, parameters that are not percent-encoded UTF-8): a problem like any other of
 * this service's, instead of Boot's own JSON.
 */
@RestController
class ProblemAnswers implements ErrorController {

  @RequestMapping("${spring.web.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    HttpStatus status = status(request);
    ProblemDetail problem = ProblemHandler.forStatus(status, detail(status));
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    try {
      problem.setInstance(URI.create(path == null ? request.getRequestURI() : path.toString()));
    } catch (IllegalArgumentException notAnAddress) {
      // left out rather than given wrongly
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String detail(HttpStatus status) {
    if (status == HttpStatus.NOT_FOUND) {
      return "Nothing is at this address.";
    }
    return status.is4xxClientError()
        ? "The request cannot be read as it is: its address, its parameters (which must be"
            + " percent-encoded UTF-8) or its body."
        : "Something went wrong on our side; the request may be retried.";
  }

  /** The error's status; 404 when the error path itself is asked for, as there is nothing there. */
  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code == null) {
      return HttpStatus.NOT_FOUND;
    }
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }
}
