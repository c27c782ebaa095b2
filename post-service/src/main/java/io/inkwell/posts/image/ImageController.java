package io.inkwell.posts.image;

import io.inkwell.posts.post.web.Actors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MultipartFile;

/**
 * The media library: staff upload pictures to show in posts, readers' browsers fetch them. An
 * image's address is derived from its bytes, so it is cached by browsers and proxies for a year.
 */
@RestController
class ImageController {

  private static final CacheControl FOREVER =
      CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

  private final Images images;
  private final PictureMemory memory;
  private final ImageSettings settings;

  ImageController(Images images, PictureMemory memory, ImageSettings settings) {
    this.images = images;
    this.memory = memory;
    this.settings = settings;
  }

  /** A multipart upload with the picture in the part {@code file}; 200 if it was there already. */
  @PostMapping(path = "/api/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ImageResponse> upload(
      @AuthenticationPrincipal Jwt token, @RequestPart("file") MultipartFile file)
      throws IOException {
    if (file.getSize() > settings.maxSize().toBytes()) {
      throw ImageProblem.tooLarge(settings.maxSize().toBytes());
    }
    var stored = images.store(file.getBytes(), file.getOriginalFilename(), Actors.of(token));
    var body = ImageResponse.of(stored.image());
    return (stored.created()
            ? ResponseEntity.created(URI.create(body.url()))
            : ResponseEntity.ok().location(URI.create(body.url())))
        .body(body);
  }

  @GetMapping("/api/images")
  ImageListResponse list(
      @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit,
      @RequestParam(required = false) String cursor) {
    var page = images.list(limit, cursor);
    return new ImageListResponse(
        page.items().stream().map(ImageResponse::of).toList(), page.nextCursor());
  }

  /**
   * The picture, or with {@code ?w=} a narrower copy of it (the picture itself when it has no copy
   * that wide), as the {@code srcset} of a post's pictures offers them. Written here rather than
   * returned, so that the room its bytes take in memory is held until they are sent.
   */
  @GetMapping("/api/images/{id}")
  void show(
      @PathVariable String id,
      @RequestParam(name = "w", required = false) Integer width,
      ServletWebRequest request,
      HttpServletResponse response)
      throws IOException {
    Images.Shown image = width == null ? images.shown(id) : images.shown(id, width);
    if (request.checkNotModified(image.etag())) {
      response.setHeader(HttpHeaders.CACHE_CONTROL, FOREVER.getHeaderValue());
      return;
    }
    memory.withRoomFor(
        image.size(),
        () -> {
          byte[] bytes = images.bytes(image);
          response.setHeader(HttpHeaders.CACHE_CONTROL, FOREVER.getHeaderValue());
          response.setContentType(image.contentType());
          response.setContentLength(bytes.length);
          response.setHeader("X-Content-Type-Options", "nosniff");
          // a picture opened on its own runs nothing and frames nothing
          response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
          response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline");
          response.getOutputStream().write(bytes);
          response.flushBuffer();
        });
  }

  @DeleteMapping("/api/images/{id}")
  ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
    images.delete(id, Actors.of(token));
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(ImageProblem.class)
  ResponseEntity<ProblemDetail> problem(ImageProblem e) {
    HttpStatus status =
        switch (e.kind()) {
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case NOT_AN_IMAGE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
          case UNUSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
          case NO_SUCH_COPY -> HttpStatus.BAD_REQUEST;
          case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
          case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
          case IN_USE -> HttpStatus.CONFLICT;
        };
    var problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setType(URI.create("https://inkwell.dev/problems/" + e.type()));
    problem.setTitle(e.title());
    var answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (e.retryAfter() != null) {
      answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter()));
    }
    // not kept: a busy or missing picture may be there the next time
    return answer.cacheControl(CacheControl.noStore()).body(problem);
  }

  /**
   * @param url where readers' browsers fetch it, relative to the blog
   * @param markdown what to paste into a post to show it
   */
  record ImageResponse(
      String id,
      String url,
      String markdown,
      String contentType,
      long size,
      int width,
      int height,
      String filename,
      Image.Uploader uploadedBy,
      Instant uploadedAt) {

    static ImageResponse of(Image image) {
      return new ImageResponse(
          image.id(),
          image.path(),
          image.markdown(),
          image.contentType(),
          image.size(),
          image.width(),
          image.height(),
          image.filename(),
          image.uploadedBy(),
          image.uploadedAt());
    }
  }

  record ImageListResponse(List<ImageResponse> items, String nextCursor) {}
}
