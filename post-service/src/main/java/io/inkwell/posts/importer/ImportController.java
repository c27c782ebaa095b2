package io.inkwell.posts.importer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ImportController {

  private final BloggerImport blogger;

  ImportController(BloggerImport blogger) {
    this.blogger = blogger;
  }

  /** The body is the export file as Blogger gives it (Settings → Back up content). */
  @PostMapping(
      path = "/api/imports/blogger",
      consumes = {"application/atom+xml", "application/xml", "text/xml"})
  BloggerImport.Result importBlogger(@RequestBody String export) {
    return blogger.importExport(export);
  }

  @ExceptionHandler(BloggerExport.Unreadable.class)
  ProblemDetail unreadable(BloggerExport.Unreadable e) {
    var problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    problem.setType(java.net.URI.create("https://inkwell.dev/problems/unreadable-import"));
    problem.setTitle("Unreadable import");
    return problem;
  }
}
