package io.inkwell.posts.importer;

import io.inkwell.posts.post.PostImports.ImportedPost;
import io.inkwell.posts.post.web.Actors;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ImportController {

  /** The old blog's address, as {@code https://old.example.org}. */
  private static final String OLD_SITE = "https?://[^\\s/?#\"'<>]+(/[^\\s?#\"'<>]*)?";

  /** A zip archive, as browsers and curl name it, as Windows does, and as any file. */
  private static final String ZIP = "application/zip";

  private static final String ZIP_WINDOWS = "application/x-zip-compressed";
  private static final String BYTES = "application/octet-stream";

  /** RFC 7240's headers: what the client prefers of the answer, and what of it the answer does. */
  private static final String PREFER = "Prefer";

  private static final String PREFERENCE_APPLIED = "Preference-Applied";

  private final Importer importer;
  private final PictureCopying copying;

  /** The most a WordPress or Ghost export file may be, zipped or not. */
  private final long maxImportSize;

  /** The most a Blogger export file may be, zipped or not: the same unless set apart. */
  private final long maxBloggerSize;

  ImportController(
      Importer importer,
      PictureCopying copying,
      @Value("${inkwell.imports.max-size}") DataSize maxImportSize,
      @Value("${inkwell.imports.blogger-max-size:${inkwell.imports.max-size}}")
          DataSize maxBloggerSize) {
    this.importer = importer;
    this.copying = copying;
    this.maxImportSize = maxImportSize.toBytes();
    this.maxBloggerSize = maxBloggerSize.toBytes();
  }

  /** The latest imports, newest first, each as far as it is (ADR 50). */
  @GetMapping("/api/imports")
  List<Importer.Result> imports() {
    return importer.latest();
  }

  /** An import, as far as it is: storing, done, or stopped and why. */
  @GetMapping("/api/imports/{id}")
  Importer.Result run(@PathVariable @Size(max = 100) String id) {
    return importer.find(id).orElseThrow(NoImport::new);
  }

  /**
   * How far copying imported posts' pictures is: an import with {@code ?copyPictures=true} copies
   * them in the background.
   */
  @GetMapping("/api/imports/pictures")
  PictureCopying.Progress pictures() {
    return copying.progress();
  }

  /** Tries the pictures that stayed on their old host once more; how far copying is then. */
  @PostMapping("/api/imports/pictures/retry")
  PictureCopying.Progress tryPicturesAgain() {
    copying.tryAgain();
    return copying.progress();
  }

  /**
   * The body is the export file as Blogger gives it (Settings → Back up content), or as Google
   * Takeout does: the zip archive as it came, or the {@code feed.atom} inside it; {@code blog}
   * names the blog to import, by its folder's name there, when the archive holds several (an
   * account's).
   */
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content = {
        @Content(mediaType = "application/atom+xml", schema = @Schema(type = "string")),
        @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary"))
      })
  @PostMapping(
      path = "/api/imports/blogger",
      consumes = {"application/atom+xml", "application/xml", "text/xml", ZIP, ZIP_WINDOWS, BYTES})
  ResponseEntity<Importer.Result> importBlogger(
      @AuthenticationPrincipal Jwt token,
      @RequestHeader(name = PREFER, required = false) List<String> prefer,
      InputStream export,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
      @RequestParam(defaultValue = "false") boolean copyPictures,
      @RequestParam(required = false) @Size(max = 200) String blog) {
    return imported(
        "blogger",
        prefer,
        token,
        copyPictures,
        ExportFile.read(
            export,
            maxBloggerSize,
            charsetOf(type),
            archive -> BloggerExport.feedIn(archive, blog),
            BloggerImport::posts));
  }

  /**
   * The body is the export file as WordPress gives it (Tools → Export → All content), or the zip
   * archive WordPress.com gives, whose export files (one, or several for a large site) are read.
   */
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content = {
        @Content(mediaType = "application/rss+xml", schema = @Schema(type = "string")),
        @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary"))
      })
  @PostMapping(
      path = "/api/imports/wordpress",
      consumes = {"application/rss+xml", "application/xml", "text/xml", ZIP, ZIP_WINDOWS, BYTES})
  ResponseEntity<Importer.Result> importWordPress(
      @AuthenticationPrincipal Jwt token,
      @RequestHeader(name = PREFER, required = false) List<String> prefer,
      InputStream export,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
      @RequestParam(defaultValue = "false") boolean copyPictures) {
    return imported(
        "wordpress",
        prefer,
        token,
        copyPictures,
        ExportFile.read(
            export,
            maxImportSize,
            charsetOf(type),
            WordPressExport::filesIn,
            WordPressExport::read));
  }

  /**
   * The body is the export file as Ghost gives it (Settings → Advanced → Export content), or a zip
   * archive with it (as Ghost's own importer takes it beside the pictures, which are not read);
   * {@code site} is the old blog's address, which Ghost 4 and later leave out of its pictures'
   * addresses.
   */
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content = {
        @Content(mediaType = "application/json", schema = @Schema(type = "object")),
        @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary"))
      })
  @PostMapping(
      path = "/api/imports/ghost",
      consumes = {"application/json", ZIP, ZIP_WINDOWS, BYTES})
  ResponseEntity<Importer.Result> importGhost(
      @AuthenticationPrincipal Jwt token,
      @RequestHeader(name = PREFER, required = false) List<String> prefer,
      InputStream export,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
      @RequestParam(defaultValue = "false") boolean copyPictures,
      @RequestParam(required = false)
          @Size(max = 500)
          @Pattern(
              regexp = OLD_SITE,
              message = "the old blog's address, as https://old.example.org")
          String site) {
    return imported(
        "ghost",
        prefer,
        token,
        copyPictures,
        ExportFile.read(
            export,
            maxImportSize,
            charsetOf(type),
            GhostExport::filesIn,
            text -> GhostExport.read(text, site)));
  }

  /**
   * The body is the zip archive Substack gives (Settings → Exports), read as it arrives (it may be
   * far larger than other exports, {@link ExportArchive#LARGEST_ARCHIVE}); {@code site} is the
   * newsletter's address, whose links to its posts become paths here.
   */
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = "application/zip",
              schema = @Schema(type = "string", format = "binary")))
  @PostMapping(
      path = "/api/imports/substack",
      consumes = {ZIP, ZIP_WINDOWS, BYTES})
  ResponseEntity<Importer.Result> importSubstack(
      @AuthenticationPrincipal Jwt token,
      @RequestHeader(name = PREFER, required = false) List<String> prefer,
      InputStream export,
      @RequestParam(defaultValue = "false") boolean copyPictures,
      @RequestParam(required = false)
          @Size(max = 500)
          @Pattern(
              regexp = OLD_SITE,
              message = "the newsletter's address, as https://name.substack.com")
          String site) {
    return imported("substack", prefer, token, copyPictures, SubstackExport.read(export, site));
  }

  /**
   * The body is the zip archive Medium gives (Settings → Security and apps → Download your
   * information), read as it arrives, as Substack's is.
   */
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = "application/zip",
              schema = @Schema(type = "string", format = "binary")))
  @PostMapping(
      path = "/api/imports/medium",
      consumes = {ZIP, ZIP_WINDOWS, BYTES})
  ResponseEntity<Importer.Result> importMedium(
      @AuthenticationPrincipal Jwt token,
      @RequestHeader(name = PREFER, required = false) List<String> prefer,
      InputStream export,
      @RequestParam(defaultValue = "false") boolean copyPictures) {
    return imported("medium", prefer, token, copyPictures, MediumExport.read(export));
  }

  /**
   * The posts read, stored, and the import's result once they are; or, when the importer prefers an
   * answer before the end ({@code Prefer: respond-async}, {@link ImportPreference}) and it is not
   * done within the wait, how far it is, 202, the rest going on, and where to ask again.
   */
  private ResponseEntity<Importer.Result> imported(
      String from, List<String> prefer, Jwt token, boolean copyPictures, List<ImportedPost> posts) {
    var run = importer.start(from, posts, Actors.of(token), copyPictures);
    var preference = ImportPreference.of(prefer);
    if (!preference.async()) {
      return ResponseEntity.ok(run.finished());
    }
    Importer.Result result = run.within(preference.waitAtMost());
    if (result.finished()) {
      return ResponseEntity.ok(result);
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .header(PREFERENCE_APPLIED, "respond-async")
        .location(URI.create("/api/imports/" + result.id()))
        .body(result);
  }

  /** The charset the upload's Content-Type names; UTF-8, as exports are, when it names none. */
  private static Charset charsetOf(MediaType type) {
    return Objects.requireNonNullElse(type.getCharset(), StandardCharsets.UTF_8);
  }

  @ExceptionHandler(ExportFile.NoExport.class)
  ProblemDetail noExport(ExportFile.NoExport e) {
    return problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", e);
  }

  /** An import that was still storing when post-service stopped: the posts stored stay. */
  @ExceptionHandler(Importer.Stopping.class)
  ProblemDetail stopping(Importer.Stopping e) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "post-service stopped while the import was stored; the posts stored stay, and"
                + " importing the same file again stores the rest.");
    problem.setType(URI.create("https://inkwell.dev/problems/stopping"));
    problem.setTitle("Import stopped");
    return problem;
  }

  @ExceptionHandler(NoImport.class)
  ProblemDetail noImport(NoImport e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Import not found", e);
  }

  /** No import has this id. */
  static final class NoImport extends RuntimeException {
    NoImport() {
      super("There is no such import; GET /api/imports lists the latest.");
    }
  }

  @ExceptionHandler(ImportTooLarge.class)
  ProblemDetail tooLarge(ImportTooLarge e) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Import too large", e);
  }

  @ExceptionHandler(UnreadableImport.class)
  ProblemDetail unreadable(UnreadableImport e) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-import", "Unreadable import", e);
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, RuntimeException refusal) {
    var problem = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
    problem.setType(URI.create("https://inkwell.dev/problems/" + type));
    problem.setTitle(title);
    return problem;
  }
}
