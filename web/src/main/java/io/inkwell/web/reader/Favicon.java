package io.inkwell.web.reader;

import java.net.URI;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /favicon.ico}, which feed readers, bookmark services and browsers opening a picture or a
 * feed ask without reading a page's links: the icon an admin chose in Settings (a redirect to it),
 * else the platform's own. Kept an hour either way (StaticFileCaching).
 */
@Controller
class Favicon {

  private static final Resource PLATFORMS = new ClassPathResource("static/favicon.ico");

  private final Site site;

  Favicon(Site site) {
    this.site = site;
  }

  @GetMapping("/favicon.ico")
  ResponseEntity<Resource> favicon() {
    String icon = site.icon();
    if (icon != null) {
      return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(icon)).build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("image/x-icon"))
        .body(PLATFORMS);
  }
}
