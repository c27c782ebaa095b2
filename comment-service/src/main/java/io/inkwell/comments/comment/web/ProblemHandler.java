package io.inkwell.comments.comment.web;

import io.inkwell.comments.comment.CommentProblems.CommentNotFound;
import io.inkwell.comments.comment.CommentProblems.CommentsClosed;
import io.inkwell.comments.comment.CommentProblems.DuplicateComment;
import io.inkwell.comments.comment.CommentProblems.NestedTooDeeply;
import io.inkwell.comments.comment.CommentProblems.ParentNotFound;
import io.inkwell.comments.comment.CommentProblems.PostNotFound;
import io.inkwell.comments.comment.CommentProblems.TooManyComments;
import io.inkwell.comments.health.DatabaseOutage;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.OptimisticLockingFailureException;
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
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of comment-service as RFC 9457 problem+json with a stable {@code type}; never a stack
 * trace. The types are listed in the module README.
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
          422, "unprocessable",
          413, "payload-too-large",
          415, "unsupported-media-type",
          500, "internal");

  @ExceptionHandler(PostNotFound.class)
  ProblemDetail postNotFound(PostNotFound e) {
    return problem(HttpStatus.NOT_FOUND, "post-not-found", "Post not found", e.getMessage());
  }

  @ExceptionHandler(CommentNotFound.class)
  ProblemDetail commentNotFound(CommentNotFound e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Comment not found", e.getMessage());
  }

  @ExceptionHandler(CommentsClosed.class)
  ProblemDetail closed(CommentsClosed e) {
    return problem(HttpStatus.CONFLICT, "comments-closed", "Comments closed", e.getMessage());
  }

  @ExceptionHandler(DuplicateComment.class)
  ProblemDetail duplicate(DuplicateComment e) {
    return problem(HttpStatus.CONFLICT, "duplicate-comment", "Duplicate comment", e.getMessage());
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail concurrent(OptimisticLockingFailureException e) {
    return problem(
        HttpStatus.CONFLICT,
        "concurrent-change",
        "Changed by someone else",
        "Another moderator changed this comment at the same time; reload the queue.");
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badArgument(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
  }

  @ExceptionHandler(TooManyComments.class)
  org.springframework.http.ResponseEntity<ProblemDetail> tooMany(TooManyComments e) {
    return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
        .body(
            problem(
                HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many comments", e.getMessage()));
  }

  @ExceptionHandler(NestedTooDeeply.class)
  ProblemDetail nestedTooDeeply(NestedTooDeeply e) {
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT, "nested-too-deeply", "Nested too deeply", e.getMessage());
  }

  @ExceptionHandler(ParentNotFound.class)
  ProblemDetail parentNotFound(ParentNotFound e) {
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT, "parent-not-found", "Unknown parent", e.getMessage());
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
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletResponse response) {
    uncached(response);
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
                "The blog's comments cannot be reached just now; try again in a few seconds."));
  }

  @ExceptionHandler(PostCommentRequest.Unmailable.class)
  ResponseEntity<Object> unmailable(PostCommentRequest.Unmailable e) {
    return invalid(
        List.of(Map.of("field", "authorEmail", "message", PostCommentRequest.A_MAILBOX)));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return invalid(
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> Map.of("field", error.getField(), "message", message(error)))
            .toList());
  }

  /** A 400 naming each field to fix and how. */
  private static ResponseEntity<Object> invalid(List<Map<String, String>> errors) {
    ProblemDetail body =
        problem(
            HttpStatus.BAD_REQUEST,
            "validation",
            "Invalid request",
            "Some fields are missing or invalid; see errors.");
    body.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(body);
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

  /** An address no endpoint answers: said so, without the framework's "static resource". */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(
            problem(
                HttpStatus.NOT_FOUND,
                "not-found",
                "Not found",
                "Nothing is at /" + e.getResourcePath() + "."));
  }

  /**
   * A parameter of the wrong kind ({@code ?from=yesterday}, {@code ?limit=ten}): which one, and
   * what it takes.
   */
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

  /**
   * Gives the framework's own problems (404, 405, 406, 415, ...) a stable type as well, and none of
   * the caching the answer that failed had named.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (request instanceof ServletWebRequest servlet) {
      uncached(servlet.getResponse());
    }
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

  /**
   * Drops what a reader's answer said of caching before it failed (a 406 for an {@code Accept} it
   * cannot meet, a body that could not be written): a shared cache in front of the blog would
   * otherwise keep the error for a minute for every reader of the address, under the post's ETag.
   */
  private static void uncached(HttpServletResponse response) {
    if (response != null && !response.isCommitted()) {
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      // Tomcat removes a header set to null
      response.setHeader(HttpHeaders.ETAG, null);
      response.setHeader(HttpHeaders.LAST_MODIFIED, null);
      response.setHeader(HttpHeaders.EXPIRES, null);
    }
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
