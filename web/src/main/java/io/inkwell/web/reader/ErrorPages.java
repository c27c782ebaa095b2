package io.inkwell.web.reader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.client.RestClientException;

/** Readers get pages, never stack traces: a friendly 404, and a calm page when the API fails. */
@ControllerAdvice
class ErrorPages {

  private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

  @ExceptionHandler(NotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "error/404";
  }

  @ExceptionHandler(RestClientException.class)
  @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
  String apiUnavailable(RestClientException e) {
    log.warn("The API could not be reached", e);
    return "error";
  }
}
