package io.inkwell.posts.redirect;

import io.inkwell.posts.post.web.Actors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Admins list, add and remove the blog's redirects (Ghost's Redirects, WordPress's Redirection).
 */
@RestController
class RedirectRuleController {

  private final RedirectRules rules;

  RedirectRuleController(RedirectRules rules) {
    this.rules = rules;
  }

  /**
   * @param permanent left out: a 301, as most moves are for good
   */
  record NewRule(
      @NotNull @Size(max = 500) String from,
      @NotNull @Size(max = 2000) String to,
      Boolean permanent) {}

  record Rule(
      String id,
      String from,
      String to,
      boolean permanent,
      Instant createdAt,
      String createdBy,
      long hits,
      Instant lastHitAt) {

    static Rule of(RedirectRule rule) {
      return new Rule(
          rule.id(),
          rule.from(),
          rule.to(),
          rule.permanent(),
          rule.createdAt(),
          rule.createdBy(),
          rule.hits(),
          rule.lastHitAt());
    }
  }

  record RuleList(List<Rule> items) {}

  @GetMapping("/api/redirects/rules")
  RuleList list(@AuthenticationPrincipal Jwt token) {
    return new RuleList(rules.all(Actors.of(token)).stream().map(Rule::of).toList());
  }

  @PostMapping(path = "/api/redirects/rules", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Rule> add(@AuthenticationPrincipal Jwt token, @Valid @RequestBody NewRule rule) {
    RedirectRule added =
        rules.add(
            rule.from(), rule.to(), rule.permanent() == null || rule.permanent(), Actors.of(token));
    return ResponseEntity.created(URI.create("/api/redirects/rules/" + added.id()))
        .body(Rule.of(added));
  }

  /**
   * A Ghost blog's redirects ({@code redirects.json}, Settings › Labs): the exact addresses among
   * them become rules, the patterns are listed as skipped.
   */
  @PostMapping(path = "/api/redirects/rules/import", consumes = MediaType.APPLICATION_JSON_VALUE)
  RedirectRules.Imported importGhost(
      @AuthenticationPrincipal Jwt token,
      @RequestBody @Size(max = RedirectRules.MOST) List<RedirectRules.GhostRedirect> redirects) {
    return rules.importGhost(redirects, Actors.of(token));
  }

  /** The rules as Ghost's {@code redirects.json}, for a blog that moves on (or back). */
  @GetMapping("/api/redirects/rules/export")
  ResponseEntity<List<RedirectRules.GhostRedirect>> exportGhost(
      @AuthenticationPrincipal Jwt token) {
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("redirects.json").build().toString())
        .body(rules.exportGhost(Actors.of(token)));
  }

  @DeleteMapping("/api/redirects/rules/{id}")
  ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
    if (!rules.remove(id, Actors.of(token))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No redirect has this id.");
    }
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(RedirectRules.Invalid.class)
  ProblemDetail invalid(RedirectRules.Invalid e) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "Some fields are missing or invalid; see errors.");
    problem.setType(URI.create("https://inkwell.dev/problems/validation"));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
    return problem;
  }

  @ExceptionHandler(RedirectRules.Exists.class)
  ProblemDetail exists(RedirectRules.Exists e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setType(URI.create("https://inkwell.dev/problems/redirect-exists"));
    problem.setTitle("Sent elsewhere already");
    return problem;
  }
}
