package io.inkwell.posts.file;

import io.inkwell.posts.post.web.Actors;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpMethod;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * The blog's files: staff upload audio, video and documents to link from posts, readers' browsers
 * fetch them, a player a part at a time ({@code Range}, answered 206 by Spring MVC from the {@link
 * Resource}). A file's address is derived from its bytes, so it is cached for a year.
 */
@RestController
class FileController {

  private static final CacheControl FOREVER =
      CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

  private final BlogFiles files;

  FileController(BlogFiles files) {
    this.files = files;
  }

  /** A multipart upload with the file in the part {@code file}; 200 if it was there already. */
  @PostMapping(path = "/api/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<FileResponse> upload(
      @AuthenticationPrincipal Jwt token, @RequestPart("file") MultipartFile file)
      throws IOException {
    var stored = files.store(file, file.getSize(), file.getOriginalFilename(), Actors.of(token));
    var body = FileResponse.of(stored.file());
    return (stored.created()
            ? ResponseEntity.created(URI.create(body.url()))
            : ResponseEntity.ok().location(URI.create(body.url())))
        .body(body);
  }

  @GetMapping("/api/files")
  FileListResponse list(
      @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit,
      @RequestParam(required = false) String cursor) {
    var page = files.list(limit, cursor);
    return new FileListResponse(
        page.items().stream().map(FileResponse::of).toList(), page.nextCursor());
  }

  /**
   * The file, opened in the browser where it can be (audio, video, PDF, text) and saved under its
   * name otherwise. It runs nothing in the blog's name: its type is the one read from its bytes,
   * never sniffed again, and anything but a PDF, which the browser's viewer shows, is sandboxed.
   */
  @GetMapping("/api/files/{id}")
  ResponseEntity<Resource> show(@PathVariable String id, HttpMethod method) {
    var opened = files.open(id);
    BlogFile file = opened.file();
    boolean shown =
        file.kind() != FileType.Kind.DOCUMENT
            || file.contentType().equals("application/pdf")
            || file.contentType().startsWith("text/");
    var disposition =
        (shown ? ContentDisposition.inline() : ContentDisposition.attachment())
            .filename(file.filename(), StandardCharsets.UTF_8)
            .build();
    var answer =
        ResponseEntity.ok()
            .eTag(file.id())
            .cacheControl(FOREVER)
            .contentType(MediaType.parseMediaType(file.contentType()))
            .header("Content-Disposition", disposition.toString())
            .header("X-Content-Type-Options", "nosniff");
    if (!file.contentType().equals("application/pdf")) {
      answer.header("Content-Security-Policy", "default-src 'none'; sandbox");
    }
    return answer.body(
        method == HttpMethod.HEAD && opened.content() instanceof ChunkedContent content
            ? content.withoutBytes()
            : opened.content());
  }

  @DeleteMapping("/api/files/{id}")
  ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
    files.delete(id, Actors.of(token));
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(FileProblem.class)
  ResponseEntity<ProblemDetail> problem(FileProblem e) {
    HttpStatus status =
        switch (e.kind()) {
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case EMPTY -> HttpStatus.BAD_REQUEST;
          case NOT_TAKEN -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
          case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
          case IN_USE -> HttpStatus.CONFLICT;
        };
    var problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setType(URI.create("https://inkwell.dev/problems/" + e.type()));
    problem.setTitle(e.title());
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .cacheControl(CacheControl.noStore())
        .body(problem);
  }

  /**
   * @param url where readers' browsers fetch it, relative to the blog
   * @param markdown what to paste into a post to link to it (or play it, alone on its line)
   * @param duration how many seconds it plays, where that could be read (MP3, MP4, M4A, MOV)
   */
  record FileResponse(
      String id,
      String url,
      String markdown,
      String contentType,
      FileType.Kind kind,
      long size,
      String filename,
      BlogFile.Uploader uploadedBy,
      Instant uploadedAt,
      Long duration) {

    static FileResponse of(BlogFile file) {
      return new FileResponse(
          file.id(),
          file.path(),
          file.markdown(),
          file.contentType(),
          file.kind(),
          file.size(),
          file.filename(),
          file.uploadedBy(),
          file.uploadedAt(),
          file.duration());
    }
  }

  record FileListResponse(List<FileResponse> items, String nextCursor) {}
}
