package io.inkwell.posts.importer;

import io.inkwell.posts.post.web.Actors;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ImportController {

  private final Importer importer;

  ImportController(Importer importer) {
    this.importer = importer;
  }

  /** The body is the export file as Blogger gives it (Settings → Back up content). */
  @PostMapping(
      path = "/api/imports/blogger",
      consumes = {"application/atom+xml", "application/xml", "text/xml"})
  Importer.Result importBlogger(@AuthenticationPrincipal Jwt token, @RequestBody String export) {
    return importer.store(BloggerImport.posts(export), Actors.of(token));
  }

  /** The body is the export file as WordPress gives it (Tools → Export → All content). */
  @PostMapping(
      path = "/api/imports/wordpress",
      consumes = {"application/rss+xml", "application/xml", "text/xml"})
  Importer.Result importWordPress(@AuthenticationPrincipal Jwt token, @RequestBody String export) {
    return importer.store(WordPressExport.read(export), Actors.of(token));
  }

  /** The body is the export file as Ghost gives it (Settings → Advanced → Export content). */
  @PostMapping(path = "/api/imports/ghost", consumes = "application/json")
  Importer.Result importGhost(@AuthenticationPrincipal Jwt token, @RequestBody String export) {
    return importer.store(GhostExport.read(export), Actors.of(token));
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
