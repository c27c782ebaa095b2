package io.inkwell.web.reader;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors the servlet container raises before any page is chosen (an address whose parameters are
 * not valid percent-encoded UTF-8, a method no page takes): browsers get the blog's error pages
 * ({@code error/4xx}, {@code error}), as Boot's controller gives them, and every other client an
 * RFC 9457 problem, as from the API, instead of Boot's own JSON.
 */
@Controller
@RequestMapping("${spring.web.error.path:${error.path:/error}}")
class ProblemAnswers extends BasicErrorController {

  ProblemAnswers(
      ErrorAttributes attributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers) {
    super(attributes, web.getError(), resolvers.orderedStream().toList());
  }

  /** 404 when the error path itself is asked for, not an error answered: nothing is there. */
  @Override
  protected HttpStatus getStatus(HttpServletRequest request) {
    return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null
        ? HttpStatus.NOT_FOUND
        : super.getStatus(request);
  }

  @Override
  @RequestMapping
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    HttpStatus status = getStatus(request);
    if (status == HttpStatus.NO_CONTENT) {
      return new ResponseEntity<>(status);
    }
    var problem = new LinkedHashMap<String, Object>();
    problem.put("type", "https://inkwell.dev/problems/" + type(status));
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail(status));
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    problem.put("instance", path == null ? request.getRequestURI() : path);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String type(HttpStatus status) {
    return switch (status.value()) {
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      default -> status.is4xxClientError() ? "bad-request" : "internal";
    };
  }

  private static String detail(HttpStatus status) {
    return switch (status.value()) {
      case 400 ->
          "The address, its parameters or the form cannot be read (parameters must be"
              + " percent-encoded UTF-8, a multipart form whole).";
      case 403 ->
          "Not allowed: the form may be out of date (load the page again), or it needs a role.";
      case 404 -> "Nothing is at this address.";
      case 405 -> "This address does not take that method.";
      case 413 -> "The request is larger than this address takes.";
      default ->
          status.is4xxClientError()
              ? "The request cannot be answered as it is."
              : "Something went wrong on our side; the request may be retried.";
    };
  }
}
