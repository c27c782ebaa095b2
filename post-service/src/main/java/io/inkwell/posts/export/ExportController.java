package io.inkwell.posts.export;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The blog's content to take elsewhere or keep as a backup, as WordPress's Tools → Export and
 * Ghost's "Export your content" give it: admins only.
 */
@RestController
class ExportController {

  private final WordPressExporter exporter;
  private final Clock clock;

  ExportController(WordPressExporter exporter, Clock clock) {
    this.exporter = exporter;
    this.clock = clock;
  }

  @GetMapping("/api/exports/wordpress")
  ResponseEntity<StreamingResponseBody> wordpress() {
    String file = "inkwell-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".xml";
    return ResponseEntity.ok()
        .contentType(
            new MediaType("application", "rss+xml", java.nio.charset.StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(exporter::export);
  }
}
