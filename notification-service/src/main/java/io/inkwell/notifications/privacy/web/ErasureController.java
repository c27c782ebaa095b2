package io.inkwell.notifications.privacy.web;

import io.inkwell.notifications.notice.CommentFollowers;
import io.inkwell.notifications.notice.NoticeRecords;
import io.inkwell.notifications.privacy.Erasures;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An admin shows what is kept of an address, or forgets it, on its owner's request (with the
 * subscribers: admins only).
 */
@RestController
class ErasureController {

  private final Erasures erasures;

  ErasureController(Erasures erasures) {
    this.erasures = erasures;
  }

  /** → whether it was a subscriber's, and how many records of comment mails to it went. */
  @PostMapping(path = "/api/subscribers/erasure", consumes = MediaType.APPLICATION_JSON_VALUE)
  Erasures.Erased erase(@Valid @RequestBody ErasureRequest request) {
    return erasures.erase(request.email());
  }

  /**
   * What is kept of an address (admins, for its owner who asks): the subscriber, with its address,
   * choices and dates (when it was refused: "Did not ask? Never mail me"), the comment mails sent
   * to it, and the posts whose comments it follows.
   */
  @PostMapping(path = "/api/subscribers/personal-data", consumes = MediaType.APPLICATION_JSON_VALUE)
  PersonalData personalData(@Valid @RequestBody ErasureRequest request) {
    var kept = erasures.kept(request.email());
    var subscriber = kept.subscriber();
    return new PersonalData(
        subscriber == null
            ? null
            : new PersonalData.Subscription(
                subscriber.email(),
                subscriber.status().name(),
                subscriber.tags(),
                subscriber.paused(),
                subscriber.frequency().name(),
                subscriber.createdAt(),
                subscriber.confirmedAt(),
                subscriber.refusedAt()),
        kept.mails(),
        kept.following());
  }

  /**
   * @param subscription null when the address is no subscriber's
   */
  record PersonalData(
      Subscription subscription,
      List<NoticeRecords.Mail> mails,
      List<CommentFollowers.Followed> following) {

    record Subscription(
        String email,
        String status,
        List<String> tags,
        boolean paused,
        String frequency,
        Instant createdAt,
        Instant confirmedAt,
        Instant refusedAt) {}
  }

  /** The address to forget or show, as its owner gave it. */
  record ErasureRequest(@NotBlank @Email @Size(max = 254) String email) {

    ErasureRequest {
      email = email == null ? null : email.strip();
    }
  }
}
