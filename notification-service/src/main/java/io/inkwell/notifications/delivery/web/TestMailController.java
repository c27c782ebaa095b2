package io.inkwell.notifications.delivery.web;

import io.inkwell.notifications.NotificationMetrics;
import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.mail.ReaderMails;
import io.inkwell.notifications.mail.ReaderMails.PostMail;
import io.inkwell.notifications.staff.StaffDirectory;
import io.inkwell.notifications.subscription.RateLimits;
import io.inkwell.notifications.subscription.SubscriptionManagement.MailUnavailable;
import io.inkwell.notifications.subscription.TooManyRequests;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/**
 * Ghost's "Send test email": a staff member gets a post's mail as subscribers will, before it goes
 * to them. Only to their own address (as auth-service announced it), so it can bother nobody else.
 */
@RestController
class TestMailController {

  private static final Logger log = LoggerFactory.getLogger(TestMailController.class);

  /** Test mails one staff member may ask for in an hour. */
  static final int PER_HOUR = 10;

  private static final String KIND = "test";

  private final ReaderMails mails;
  private final StaffDirectory staff;
  private final RateLimits limits;
  private final NotificationSettings settings;
  private final Clock clock;
  private final NotificationMetrics metrics;

  TestMailController(
      ReaderMails mails,
      StaffDirectory staff,
      RateLimits limits,
      NotificationSettings settings,
      Clock clock,
      NotificationMetrics metrics) {
    this.metrics = metrics;
    this.mails = mails;
    this.staff = staff;
    this.limits = limits;
    this.settings = settings;
    this.clock = clock;
  }

  /** The post as its mail shows it; the caller reads it from post-service, drafts included. */
  record TestMailRequest(
      @NotBlank @Size(max = 300) String title,
      @Size(max = 1_000) String excerpt,
      @NotBlank @Size(max = 200) String slug,
      @Valid CoverRequest cover,
      @Size(max = 2_000_000) String bodyHtml,
      @Size(max = 200) String authorName,
      Instant publishedAt) {}

  /** As post-service puts a post in its event: a longer one is mailed as excerpt and link. */
  private static final int MAILED_BODY_LIMIT = 256_000;

  /** The post's cover, as post-service gives it. */
  record CoverRequest(
      @NotBlank @Size(max = 300) @Pattern(regexp = "/api/images/[^/?#]+") String url,
      @Size(max = 300) String alt,
      @Positive @Max(100_000) int width,
      @Positive @Max(100_000) int height) {}

  record TestMailResponse(String to) {}

  @PostMapping("/api/posts/{postId}/test-mail")
  ResponseEntity<TestMailResponse> send(
      @AuthenticationPrincipal Jwt token,
      @PathVariable String postId,
      @Valid @RequestBody TestMailRequest request) {
    String to =
        staff
            .addressOf(token.getSubject())
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "There is no address to send a test to: only staff members get them."));
    var attempt = limits.attempt("test-mail:" + token.getSubject(), PER_HOUR, Duration.ofHours(1));
    if (!attempt.allowed()) {
      throw new TooManyRequests(
          Duration.between(clock.instant(), attempt.windowEndsAt()),
          "Ten test mails an hour is the most; try again later.");
    }
    var cover = request.cover();
    try {
      mails.sendTest(
          new PostMail(
              null,
              to,
              request.title(),
              request.excerpt() == null ? "" : request.excerpt(),
              settings.siteUrl() + "/posts/" + UriUtils.encodePathSegment(request.slug(), "UTF-8"),
              null,
              null,
              cover == null
                  ? null
                  : ReaderMails.Picture.ofCover(
                      settings.siteUrl(), cover.url(), cover.alt(), cover.width(), cover.height()),
              request.bodyHtml() == null || request.bodyHtml().length() > MAILED_BODY_LIMIT
                  ? null
                  : request.bodyHtml(),
              // a draft's date is the day it would be published: today
              new ReaderMails.Byline(
                  request.authorName(),
                  request.publishedAt() == null ? clock.instant() : request.publishedAt())));
    } catch (MailException unavailable) {
      // a mail that never left does not count against the hour's few
      limits.giveBack(attempt);
      metrics.failed(KIND);
      throw new MailUnavailable(
          "The test mail could not be sent right now; please try again in a minute.", unavailable);
    }
    metrics.sent(KIND);
    log.info("Test mail of post {} sent to staff member {}", postId, token.getSubject());
    return ResponseEntity.accepted().body(new TestMailResponse(to));
  }
}
