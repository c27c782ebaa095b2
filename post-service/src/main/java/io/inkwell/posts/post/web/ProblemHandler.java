package io.inkwell.posts.post.web;

import io.inkwell.posts.health.DatabaseOutage;
import io.inkwell.posts.post.ContentTooLarge;
import io.inkwell.posts.post.IllegalTransition;
import io.inkwell.posts.post.InvalidCursor;
import io.inkwell.posts.post.NestedTooDeeply;
import io.inkwell.posts.post.NotAllowed;
import io.inkwell.posts.post.PostNotFound;
import io.inkwell.posts.post.SlugTaken;
import io.inkwell.posts.post.StaleVersion;
import io.inkwell.posts.post.TagNameInvalid;
import io.inkwell.posts.post.TagNotFound;
import io.inkwell.posts.post.UnknownPicture;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of post-service as RFC 9457 problem+json with a stable {@code type}; never a stack
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
          413, "payload-too-large",
          415, "unsupported-media-type",
          500, "internal");

  @ExceptionHandler(PostNotFound.class)
  ProblemDetail notFound(PostNotFound e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Post not found", e.getMessage());
  }

  @ExceptionHandler(TagNotFound.class)
  ProblemDetail tagNotFound(TagNotFound e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Tag not found", e.getMessage());
  }

  @ExceptionHandler(TagNameInvalid.class)
  ProblemDetail tagNameInvalid(TagNameInvalid e) {
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT, "invalid-tag", "Not a tag's name", e.getMessage());
  }

  @ExceptionHandler(SlugTaken.class)
  ProblemDetail slugTaken(SlugTaken e) {
    return problem(HttpStatus.CONFLICT, "slug-taken", "Slug already in use", e.getMessage());
  }

  @ExceptionHandler(InvalidCursor.class)
  ProblemDetail invalidCursor(InvalidCursor e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor", e.getMessage());
  }

  @ExceptionHandler(IllegalTransition.class)
  ProblemDetail illegalTransition(IllegalTransition e) {
    return problem(HttpStatus.CONFLICT, "illegal-transition", "Not possible now", e.getMessage());
  }

  @ExceptionHandler(StaleVersion.class)
  ProblemDetail staleVersion(StaleVersion e) {
    return problem(
        HttpStatus.PRECONDITION_FAILED, "stale-version", "Changed by someone else", e.getMessage());
  }

  @ExceptionHandler(PostController.PreconditionRequired.class)
  ProblemDetail preconditionRequired(PostController.PreconditionRequired e) {
    return problem(
        HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match required", e.getMessage());
  }

  @ExceptionHandler(UnknownPicture.class)
  ProblemDetail unknownPicture(UnknownPicture e) {
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT, "unknown-picture", "No such picture", e.getMessage());
  }

  @ExceptionHandler(NestedTooDeeply.class)
  ProblemDetail nestedTooDeeply(NestedTooDeeply e) {
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT, "nested-too-deeply", "Nested too deeply", e.getMessage());
  }

  @ExceptionHandler(NotAllowed.class)
  ProblemDetail notAllowed(NotAllowed e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage());
  }

  @ExceptionHandler(PostController.SignInRequired.class)
  ResponseEntity<ProblemDetail> signInRequired(PostController.SignInRequired e) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .body(problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in", e.getMessage()));
  }

  @ExceptionHandler(ContentTooLarge.class)
  ProblemDetail contentTooLarge(ContentTooLarge e) {
    return problem(
        HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Post too large", e.getMessage());
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
                "The blog's posts cannot be reached just now; try again in a few seconds."));
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
            // the imports take XML: an empty body is no malformed JSON there
            String.valueOf(e.getMessage()).startsWith("Required request body is missing")
                ? "The request has no body; this address takes one."
                : "The body is not JSON of the expected shape.");
    Map<String, String> field = WrongKinds.fieldOf(e.getCause());
    if (!field.isEmpty()) {
      body.setDetail(field.get("field") + " " + field.get("message") + ".");
      body.setProperty("errors", List.of(field));
    }
    return ResponseEntity.badRequest().body(body);
  }

  /** A picture above spring.servlet.multipart.max-file-size. */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(
            problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                "Upload too large",
                "The file is larger than the largest upload this blog accepts."));
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
