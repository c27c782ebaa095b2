package io.inkwell.notifications.subscription.web;

import io.inkwell.notifications.health.DatabaseOutage;
import io.inkwell.notifications.subscription.InvalidToken;
import io.inkwell.notifications.subscription.SubscriberDirectory;
import io.inkwell.notifications.subscription.SubscriberImport;
import io.inkwell.notifications.subscription.SubscriptionManagement;
import io.inkwell.notifications.subscription.TooManyRequests;
import io.inkwell.notifications.webhook.Webhooks;
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
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of notification-service as RFC 9457 problem+json with a stable {@code type}; never a
 * stack trace. The types are listed in the module README.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
  private static final String TYPES = "https://inkwell.dev/problems/";
  private static final String DATABASE_RETRY_AFTER_SECONDS = "10";

  private static final Map<Integer, String> TYPE_BY_STATUS =
      Map.of(
          400, "bad-request",
          404, "not-found",
          405, "method-not-allowed",
          406, "not-acceptable",
          409, "conflict",
          413, "payload-too-large",
          415, "unsupported-media-type",
          500, "internal");

  @ExceptionHandler(InvalidToken.class)
  ProblemDetail invalidToken(InvalidToken e) {
    return problem(
        HttpStatus.BAD_REQUEST, "invalid-token", "Invalid or expired link", e.getMessage());
  }

  @ExceptionHandler(SubscriberImport.Unreadable.class)
  ProblemDetail unreadableImport(SubscriberImport.Unreadable e) {
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-import", "Unreadable import", e.getMessage());
  }

  @ExceptionHandler(SubscriberDirectory.InvalidCursor.class)
  ProblemDetail invalidCursor(SubscriberDirectory.InvalidCursor e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor", e.getMessage());
  }

  @ExceptionHandler(SubscriptionManagement.MailUnavailable.class)
  ResponseEntity<ProblemDetail> mailUnavailable(SubscriptionManagement.MailUnavailable e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "60")
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "mail-unavailable",
                "Mail cannot be sent right now",
                e.getMessage()));
  }

  @ExceptionHandler(Webhooks.Invalid.class)
  ProblemDetail invalidWebhook(Webhooks.Invalid e) {
    return invalidFields(List.of(Map.of("field", e.field(), "message", e.getMessage())));
  }

  @ExceptionHandler(Webhooks.TooMany.class)
  ProblemDetail tooManyWebhooks(Webhooks.TooMany e) {
    return problem(HttpStatus.CONFLICT, "too-many-webhooks", "Too many webhooks", e.getMessage());
  }

  @ExceptionHandler(TooManyRequests.class)
  ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequests e) {
    long seconds = Math.max(1, e.retryAfter().toSeconds());
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
        .body(
            problem(
                HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", e.getMessage()));
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
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DatabaseOutage.causedBy(e)) {
      return databaseUnavailable(e);
    }
    log.error("Unexpected error", e);
    return ResponseEntity.internalServerError()
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "Something went wrong on our side; the request may be retried."));
  }

  /**
   * The service is unavailable for a while, not broken, and says so as its readiness does: a 503
   * with {@code Retry-After}, logged in one line rather than a stack trace per request.
   */
  private static ResponseEntity<ProblemDetail> databaseUnavailable(Throwable failure) {
    log.warn("The database cannot be reached: {}", failure.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database-unavailable",
                "Try again shortly",
                "The blog's subscriptions cannot be reached just now; try again in a few seconds."));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> Map.of("field", error.getField(), "message", message(error)))
            .toList();
    return ResponseEntity.badRequest().body(invalidFields(errors));
  }

  /** A 400 {@code validation} problem naming each field and what is wrong with it. */
  private static ProblemDetail invalidFields(List<Map<String, String>> errors) {
    ProblemDetail body =
        problem(
            HttpStatus.BAD_REQUEST,
            "validation",
            "Invalid request",
            "Some fields are missing or invalid; see errors.");
    body.setProperty("errors", errors);
    return body;
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                Map.of(
                                    "field",
                                    // a body's field by its name, not the parameter's
                                    error instanceof FieldError field
                                        ? field.getField()
                                        : String.valueOf(
                                            result.getMethodParameter().getParameterName()),
                                    "message",
                                    String.valueOf(error.getDefaultMessage()))))
            .toList();
    ProblemDetail body =
        problem(
            HttpStatus.BAD_REQUEST,
            "validation",
            "Invalid request",
            "Some parameters are invalid; see errors.");
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

  /** Gives the framework's own problems (404, 405, 415, ...) a stable type as well. */
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

  private static String message(org.springframework.validation.FieldError error) {
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
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
