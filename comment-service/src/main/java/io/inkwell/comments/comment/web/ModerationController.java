package io.inkwell.comments.comment.web;

import io.inkwell.comments.comment.CommentManagement;
import io.inkwell.comments.comment.CommentStatus;
import io.inkwell.comments.moderation.Blocklist;
import io.inkwell.comments.moderation.BlogSettings;
import io.inkwell.comments.moderation.ModerationPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What editors do: the queue, approving, rejecting, marking spam, deleting, the moderation policy
 * and the blocklist (editors; the settings are changed by admins). The queue shows no email
 * addresses.
 */
@RestController
@RequestMapping("/api/comments")
class ModerationController {

  private final CommentManagement comments;
  private final BlogSettings settings;
  private final Blocklist blocklist;

  ModerationController(CommentManagement comments, BlogSettings settings, Blocklist blocklist) {
    this.comments = comments;
    this.settings = settings;
    this.blocklist = blocklist;
  }

  @GetMapping
  QueueResponse queue(
      @RequestParam(defaultValue = "PENDING") CommentStatus status,
      @RequestParam(required = false) @Size(max = 100) String postId,
      @RequestParam(required = false) @Size(max = 200) String q,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
      @RequestParam(required = false) @Size(max = 200) String cursor) {
    var filter = new CommentManagement.QueueFilter(status, postId, q);
    var page = comments.queue(filter, limit, cursor);
    return new QueueResponse(
        page.items().stream().map(CommentResponse::of).toList(),
        comments.count(filter),
        page.next());
  }

  @PostMapping("/{id}/approve")
  CommentResponse approve(@PathVariable String id) {
    return CommentResponse.of(comments.approve(id));
  }

  @PostMapping("/{id}/reject")
  CommentResponse reject(@PathVariable String id) {
    return CommentResponse.of(comments.reject(id));
  }

  @PostMapping("/{id}/spam")
  CommentResponse spam(@PathVariable String id) {
    return CommentResponse.of(comments.markSpam(id));
  }

  /** "Empty spam": {@code ?status=SPAM} (or {@code REJECTED}) deletes them all → how many. */
  @DeleteMapping
  java.util.Map<String, Long> deleteAll(@RequestParam CommentStatus status) {
    return java.util.Map.of("deleted", comments.deleteAll(status));
  }

  /** One comment, whatever its status (the moderation view: no email or client address). */
  @GetMapping("/{id}")
  CommentResponse comment(@PathVariable String id) {
    return CommentResponse.of(comments.comment(id));
  }

  /** A moderator corrects the name or the text (WordPress's "Edit comment"). */
  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  CommentResponse edit(@PathVariable String id, @Valid @RequestBody EditRequest request) {
    return CommentResponse.of(
        comments.edit(id, PostCommentRequest.shownName(request.authorName()), request.body()));
  }

  /** What a moderator may change of a comment; bounded as a new comment is. */
  record EditRequest(
      @NotBlank @Size(max = 100) String authorName, @NotBlank @Size(max = 10_000) String body) {}

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable String id) {
    comments.delete(id);
    return ResponseEntity.noContent().build();
  }

  /**
   * Forgets who wrote the comments sent from an address, when they ask (admins): WordPress's "Erase
   * Personal Data" → how many comments were erased (none for an address that wrote none).
   */
  @PostMapping(path = "/erasure", consumes = MediaType.APPLICATION_JSON_VALUE)
  java.util.Map<String, Long> erase(@Valid @RequestBody ErasureRequest request) {
    return java.util.Map.of("erased", comments.erase(request.email()));
  }

  /**
   * Everything kept of the comments sent from an address, for its owner who asks (admins):
   * WordPress's "Export Personal Data", the address and the client's address included.
   */
  @PostMapping(path = "/personal-data", consumes = MediaType.APPLICATION_JSON_VALUE)
  PersonalData personalData(@Valid @RequestBody ErasureRequest request) {
    return new PersonalData(
        comments.sentFrom(request.email()).stream()
            .map(
                sent ->
                    new PersonalData.Sent(
                        sent.comment().id(),
                        sent.comment().postId(),
                        sent.post() == null ? null : sent.post().title(),
                        sent.comment().authorName(),
                        sent.comment().authorEmail(),
                        sent.comment().client(),
                        sent.comment().body(),
                        sent.comment().status(),
                        sent.comment().notifyOnReply(),
                        sent.comment().notifyOnComments(),
                        sent.comment().createdAt()))
            .toList());
  }

  /** The comments sent from an address, oldest first. */
  record PersonalData(List<Sent> comments) {

    /**
     * @param postTitle the post's title while comment-service knows the post, else null
     * @param client the network address it was sent from
     */
    record Sent(
        String id,
        String postId,
        String postTitle,
        String authorName,
        String authorEmail,
        String client,
        String body,
        CommentStatus status,
        boolean notifyOnReply,
        boolean notifyOnComments,
        java.time.Instant createdAt) {}
  }

  /**
   * An address whose writer is to be forgotten, or shown what is kept, as the commenter gave it.
   */
  record ErasureRequest(@NotBlank @Email @Size(max = 254) String email) {

    ErasureRequest {
      // pasted from a mail, with the space around it, as a new comment's is
      email = email == null ? null : email.strip();
    }
  }

  @GetMapping("/settings")
  SettingsBody settings() {
    return new SettingsBody(settings.policy(), settings.closeAfterDays());
  }

  @PutMapping(path = "/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
  SettingsBody choose(@Valid @RequestBody SettingsBody body) {
    settings.choose(body.policy(), body.closeAfterDays());
    return new SettingsBody(settings.policy(), settings.closeAfterDays());
  }

  @GetMapping("/blocklist")
  List<Blocklist.Entry> blocklist() {
    return blocklist.all();
  }

  @PostMapping(path = "/blocklist", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Blocklist.Entry> block(@Valid @RequestBody BlockRequest request) {
    var added = blocklist.add(request.kind(), request.value());
    return ResponseEntity.status(added.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(added.entry());
  }

  @DeleteMapping("/blocklist/{id}")
  ResponseEntity<Void> unblock(@PathVariable String id) {
    if (!blocklist.remove(id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No blocklist entry " + id + ".");
    }
    return ResponseEntity.noContent().build();
  }

  /**
   * @param items the newest {@code limit} comments of the status (and post, and words), or the next
   *     ones after the cursor
   * @param total how many comments there are of it
   * @param nextCursor where the older ones go on; absent on the last page
   */
  record QueueResponse(List<CommentResponse> items, long total, String nextCursor) {}

  /** {@code closeAfterDays}: 0 keeps comments open forever; left out, it is not changed. */
  record SettingsBody(
      @NotNull ModerationPolicy policy, @Min(0) @Max(36_500) Integer closeAfterDays) {}

  record BlockRequest(@NotNull Blocklist.Kind kind, @NotBlank @Size(max = 200) String value) {}
}
