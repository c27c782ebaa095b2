package io.inkwell.auth.staff;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff account as it now is, waiting in the account's outbox until the relay has sent it to
 * {@code blog.staff-events} (see {@code contracts/staff-changed.schema.json}). notification-service
 * keeps these to know where to tell an author of a new comment (and whether they want to hear), and
 * post-service to show readers who wrote a post; the address never leaves the platform.
 *
 * @param commentMails whether they want a mail when a reader comments on one of their posts
 * @param reviewMails whether they want a mail when a draft is submitted for review (editors+)
 * @param suspended whether an admin took their access away (then they are mailed nothing)
 * @param bio what readers read about them (post-service shows it on their author page), or null
 * @param website their own site, or null
 * @param avatar their picture (one of the blog's, {@code /api/images/…}, or https), or null
 */
public record StaffChanged(
    String eventId,
    String type,
    Instant occurredAt,
    String staffId,
    String email,
    String name,
    Role role,
    boolean commentMails,
    boolean reviewMails,
    boolean suspended,
    String bio,
    String website,
    String avatar)
    implements StaffEvent {

  static StaffChanged of(StaffAccount account, Instant now) {
    return new StaffChanged(
        UUID.randomUUID().toString(),
        "StaffChanged",
        now,
        account.id(),
        account.email(),
        account.name(),
        account.role(),
        account.wantsCommentMails(),
        account.wantsReviewMails(),
        account.suspended(),
        account.bio(),
        account.website(),
        account.avatar());
  }
}
