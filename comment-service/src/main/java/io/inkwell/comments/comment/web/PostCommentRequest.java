package io.inkwell.comments.comment.web;

import io.inkwell.comments.comment.CommentManagement.NewComment;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A comment as the form sends it.
 *
 * @param website the honeypot: a field hidden from people, so only bots fill it in
 * @param renderedAt when the page with the form was shown (optional)
 * @param notifyOnReply whether the author wants an email when someone replies
 * @param notifyOnComments whether the author wants an email about every later comment on the post
 *     (Blogger's "Notify me")
 */
record PostCommentRequest(
    @NotBlank @Size(max = 100) @Pattern(regexp = VISIBLE, message = SOMETHING_TO_SEE)
        String authorName,
    @NotBlank @Email @Size(max = 254) String authorEmail,
    @NotBlank @Size(max = 10_000) @Pattern(regexp = VISIBLE, message = SOMETHING_TO_SEE)
        String body,
    @Size(max = 64) String parentId,
    Boolean notifyOnReply,
    Boolean notifyOnComments,
    @Size(max = 500) String website,
    @JsonDeserialize(using = DateTimeText.class) Instant renderedAt) {

  /**
   * The address without the spaces a phone's keyboard leaves around it, before it is checked (as
   * the browser's own email field does, and as a subscription's address is).
   */
  PostCommentRequest {
    authorEmail = authorEmail == null ? null : authorEmail.strip();
  }

  /** Text with something to see in it: not only spaces and invisible characters. */
  static final String VISIBLE = "(?s).*[\\p{L}\\p{N}\\p{P}\\p{S}].*";

  static final String SOMETHING_TO_SEE = "at least one letter, digit, punctuation mark or symbol";

  /**
   * An address mail can reach, as WordPress's {@code is_email} asks of a reader: a domain of at
   * least two parts whose last is a name, not a number ({@code ann@localhost}, {@code ann@gmail}
   * and {@code ann@[10.0.0.1]} are typing mistakes or reach no reader, and reply mails would be
   * lost). A staff member's comment is theirs whatever the form says, so it is not asked.
   */
  private static final java.util.regex.Pattern MAILABLE =
      java.util.regex.Pattern.compile("[^@]+@[^@\\[\\]]+\\.[^@.\\d\\[\\]-][^@.]*");

  static final String A_MAILBOX = "must be an address mail can reach, such as ann@example.org";

  /** Whether {@link #authorEmail} is an address a reply mail can reach. */
  boolean mailable() {
    return MAILABLE.matcher(authorEmail).matches();
  }

  /** A reader's address that no mail can reach: a 400 on {@code authorEmail}, as validation's. */
  static final class Unmailable extends RuntimeException {
    Unmailable() {
      super(A_MAILBOX, null, false, false);
    }
  }

  /**
   * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). A name is
   * shown beside other words, in a thread's "Reply to" list, a mail's subject, a feed's author; one
   * left open in it would turn the words after it around (U+202E makes "gpj.exe" read "exe.jpg"). A
   * name in Arabic or Hebrew needs none of them: the text's own direction is kept.
   */
  private static final java.util.regex.Pattern DIRECTION_CONTROLS =
      java.util.regex.Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

  /** The name as it is kept and shown: without direction controls. */
  static String shownName(String name) {
    return DIRECTION_CONTROLS.matcher(name).replaceAll("");
  }

  NewComment toNewComment(String client) {
    return new NewComment(
        shownName(authorName),
        authorEmail,
        body,
        parentId,
        Boolean.TRUE.equals(notifyOnReply),
        Boolean.TRUE.equals(notifyOnComments),
        website,
        renderedAt,
        client);
  }
}
