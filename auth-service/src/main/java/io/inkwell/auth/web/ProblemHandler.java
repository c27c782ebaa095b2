package io.inkwell.auth.web;

import io.inkwell.auth.health.DatabaseOutage;
import io.inkwell.auth.staff.StaffManagement.StaffExists;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the staff and integration API as problem+json with a stable {@code type}. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
  private static final String TYPES = "https://inkwell.dev/problems/";

  private static final Map<Integer, String> TYPE_BY_STATUS =
      Map.of(
          400, "bad-request",
          404, "not-found",
          405, "method-not-allowed",
          406, "not-acceptable",
          409, "conflict",
          413, "payload-too-large",
          415, "unsupported-media-type",
          422, "invalid",
          500, "internal");

  @ExceptionHandler(StaffExists.class)
  ProblemDetail staffExists(StaffExists e) {
    return problem(HttpStatus.CONFLICT, "staff-exists", "Already on the staff", e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail invalid(IllegalArgumentException e) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "Not possible", e.getMessage());
  }

  @ExceptionHandler(ResponseStatusException.class)
  ProblemDetail status(ResponseStatusException e) {
    HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
    return problem(
        status,
        TYPE_BY_STATUS.getOrDefault(status.value(), "bad-request"),
        status.getReasonPhrase(),
        e.getReason());
  }

  /** Query or form parameters whose percent-encoding is not UTF-8: Tomcat cannot decode them. */
  @ExceptionHandler(InvalidParameterException.class)
  ProblemDetail undecodable(InvalidParameterException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "bad-request",
        "Bad request",
        "The request's parameters are not valid percent-encoded UTF-8.");
  }

  /**
   * A multipart body that cannot be parsed (no boundary, a part cut short); one too large is {@link
   * MaxUploadSizeExceededException}, answered 413 by the base class.
   */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail unreadableParts(MultipartException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "bad-request",
        "Bad request",
        "The multipart body cannot be read: its boundary is missing or a part is cut short.");
  }

  /**
   * A header whose value Spring Security's firewall refuses (control characters, bytes that are no
   * text), met when the service reads it, such as an {@code If-Match} of raw bytes.
   */
  @ExceptionHandler(RequestRejectedException.class)
  ProblemDetail rejected(RequestRejectedException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "bad-request",
        "Bad request",
        "A header of the request cannot be read: it holds control characters or bytes that are no"
            + " text.");
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) throws Exception {
    if (DatabaseOutage.causedBy(e)) {
      throw e; // answered by DatabaseOutages, which also sees the filters' failures
    }
    log.error("Unexpected error", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal",
        "Internal error",
        "Something went wrong on our side; the request may be retried.");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(
                error ->
                    Map.of(
                        "field",
                        error.getField(),
                        "message",
                        String.valueOf(error.getDefaultMessage())))
            .toList();
    ProblemDetail body =
        problem(
            HttpStatus.BAD_REQUEST,
            "validation",
            "Invalid request",
            "Some fields are missing or invalid; see errors.");
    body.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(body);
  }

  /** A parameter of the wrong kind ({@code ?limit=ten}): which one, and what it takes. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = String.valueOf(e.getPropertyName());
    String expected = WrongKinds.expected(e.getRequiredType());
    ProblemDetail body =
        problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", name + " " + expected + ".");
    body.setProperty("errors", List.of(Map.of("field", name, "message", expected)));
    return ResponseEntity.badRequest().body(body);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail body =
        problem(
            HttpStatus.BAD_REQUEST,
            "malformed-body",
            "Malformed request body",
            "The body is not JSON of the expected shape.");
    Map<String, String> field = WrongKinds.fieldOf(e.getCause());
    if (!field.isEmpty()) {
      body.setDetail(field.get("field") + " " + field.get("message") + ".");
      body.setProperty("errors", List.of(field));
    }
    return ResponseEntity.badRequest().body(body);
  }

  /** Spring MVC's own errors (415, 405, …) get a stable type too, not {@code about:blank}. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(e, body, headers, status, request);
    if (response != null
        && response.getBody() instanceof ProblemDetail detail
        && (detail.getType() == null || detail.getType().toString().equals("about:blank"))) {
      detail.setType(
          URI.create(TYPES + TYPE_BY_STATUS.getOrDefault(status.value(), "bad-request")));
    }
    return response;
  }

  /** A problem of a bare status, with the type this handler gives that status. */
  static ProblemDetail forStatus(HttpStatus status, String detail) {
    return problem(
        status,
        TYPE_BY_STATUS.getOrDefault(
            status.value(), status.is5xxServerError() ? "internal" : "bad-request"),
        status.getReasonPhrase(),
        detail);
  }

  static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPES + type));
    problem.setTitle(title);
    return problem;
  }
}
