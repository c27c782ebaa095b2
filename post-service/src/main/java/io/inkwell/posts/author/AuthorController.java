package io.inkwell.posts.author;

import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** An author's page needs who they are: Ghost's author pages show the name, bio and website. */
@RestController
class AuthorController {

  private final AuthorProfiles authors;

  AuthorController(AuthorProfiles authors) {
    this.authors = authors;
  }

  /** Everyone with a published post, by name. */
  @GetMapping("/api/authors")
  ResponseEntity<Authors> authors() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
        .body(new Authors(authors.published()));
  }

  record Authors(List<AuthorProfiles.Author> items) {}

  @GetMapping("/api/authors/{id}")
  ResponseEntity<AuthorProfiles.Author> author(@PathVariable String id) {
    return authors
        .author(id)
        .map(
            author ->
                ResponseEntity.ok()
                    .cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                    .body(author))
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such author."));
  }
}
