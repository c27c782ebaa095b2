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

  @Override
  @RequestMapping
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    HttpStatus status = getStatus(request);
    var problem =
        ProblemHandler.forStatus(
            status,
            status.is4xxClientError()
                ? "The request cannot be read as it is: its address, its parameters (which must be"
                    + " percent-encoded UTF-8) or its body."
                : "Something went wrong on our side; the request may be retried.");
    try {
      problem.setInstance(
          URI.create(String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))));
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
