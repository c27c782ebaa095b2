package io.inkwell.auth.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
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
 * Errors raised before any endpoint is chosen, by the servlet container or a filter (an address the
 * firewall refuses, parameters that are not percent-encoded UTF-8): a problem like any other of
 * this service's, instead of Boot's own JSON. Browsers (at the sign-in pages) keep Boot's error
 * page.
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
    var problem =
        ProblemHandler.forStatus(
            status,
            status == HttpStatus.NOT_FOUND
                ? "Nothing is at this address."
                : status.is4xxClientError()
                    ? "The request cannot be read as it is: its address, its parameters (which must be"
                        + " percent-encoded UTF-8) or its body."
                    : "Something went wrong on our side; the request may be retried.");
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    try {
      problem.setInstance(URI.create(path == null ? request.getRequestURI() : path.toString()));
    } catch (IllegalArgumentException notAnAddress) {
      // the address is left out rather than repeated wrongly
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getInstance() != null) {
      body.put("instance", problem.getInstance().toString());
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
