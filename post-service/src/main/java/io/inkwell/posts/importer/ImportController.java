package io.inkwell.posts.importer;

import io.inkwell.posts.post.web.Actors;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ImportController {

  /** The old blog's address, as {@code https://old.example.org}. */
  private static final String OLD_SITE = "https?://[^\\s/?#\"'<>]+(/[^\\s?#\"'<>]*)?";

  private final Importer importer;
  private final PictureCopying copying;

  ImportController(Importer importer, PictureCopying copying) {
    this.importer = importer;
    this.copying = copying;
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
   * Takeout does ({@code feed.atom}).
   */
  @PostMapping(
      path = "/api/imports/blogger",
      consumes = {"application/atom+xml", "application/xml", "text/xml"})
  Importer.Result importBlogger(
      @AuthenticationPrincipal Jwt token,
      @RequestBody String export,
      @RequestParam(defaultValue = "false") boolean copyPictures) {
    notAnArchive(export, "Google Takeout's is Takeout/Blogger/Blogs/<the blog>/feed.atom");
    return importer.store(BloggerImport.posts(export), Actors.of(token), copyPictures);
  }

  /** The body is the export file as WordPress gives it (Tools → Export → All content). */
  @PostMapping(
      path = "/api/imports/wordpress",
      consumes = {"application/rss+xml", "application/xml", "text/xml"})
  Importer.Result importWordPress(
      @AuthenticationPrincipal Jwt token,
      @RequestBody String export,
      @RequestParam(defaultValue = "false") boolean copyPictures) {
    notAnArchive(export, "WordPress.com's is the .xml file");
    return importer.store(WordPressExport.read(export), Actors.of(token), copyPictures);
  }

  /**
   * The body is the export file as Ghost gives it (Settings → Advanced → Export content); {@code
   * site} is the old blog's address, which Ghost 4 and later leave out of its pictures' addresses.
   */
  @PostMapping(path = "/api/imports/ghost", consumes = "application/json")
  Importer.Result importGhost(
      @AuthenticationPrincipal Jwt token,
      @RequestBody String export,
      @RequestParam(defaultValue = "false") boolean copyPictures,
      @RequestParam(required = false)
          @Size(max = 500)
          @Pattern(
              regexp = OLD_SITE,
              message = "the old blog's address, as https://old.example.org")
          String site) {
    notAnArchive(export, "Ghost's is the .json file");
    return importer.store(GhostExport.read(export, site), Actors.of(token), copyPictures);
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
      consumes = {"application/zip", "application/x-zip-compressed", "application/octet-stream"})
  Importer.Result importSubstack(
      @AuthenticationPrincipal Jwt token,
      InputStream export,
      @RequestParam(defaultValue = "false") boolean copyPictures,
      @RequestParam(required = false)
          @Size(max = 500)
          @Pattern(
              regexp = OLD_SITE,
              message = "the newsletter's address, as https://name.substack.com")
          String site) {
    return importer.store(SubstackExport.read(export, site), Actors.of(token), copyPictures);
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
      consumes = {"application/zip", "application/x-zip-compressed", "application/octet-stream"})
  Importer.Result importMedium(
      @AuthenticationPrincipal Jwt token,
      InputStream export,
      @RequestParam(defaultValue = "false") boolean copyPictures) {
    return importer.store(MediumExport.read(export), Actors.of(token), copyPictures);
  }

  /**
   * Google Takeout and WordPress.com hand the export over inside a zip archive, which is what an
   * owner uploads first: they are told which file inside it to upload.
   *
   * @param inside which file of the archive is the export
   */
  private static void notAnArchive(String export, String inside) {
    if (export.startsWith("PK\u0003\u0004")) {
      throw new UnreadableImport(
          "This is a zip archive; unpack it and import the export file inside it ("
              + inside
              + ").");
    }
  }

  @ExceptionHandler(ImportTooLarge.class)
  ProblemDetail tooLarge(ImportTooLarge e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    problem.setType(URI.create("https://inkwell.dev/problems/payload-too-large"));
    problem.setTitle("Import too large");
    return problem;
  }

  @ExceptionHandler(UnreadableImport.class)
  ProblemDetail unreadable(UnreadableImport e) {
    var problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    problem.setType(URI.create("https://inkwell.dev/problems/unreadable-import"));
    problem.setTitle("Unreadable import");
    return problem;
  }
}
