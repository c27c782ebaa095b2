package io.inkwell.notifications.staff;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What notification-service knows of a staff account, from auth-service's {@code StaffChanged}:
 * where to tell an author of a new comment.
 *
 * @param changedAt when the account was last as described (the event's {@code occurredAt})
 * @param commentMailsOff whether they asked not to hear of comments on their posts
 * @param reviewMailsOff whether they asked not to hear of drafts submitted for review
 * @param suspended whether an admin took their access away (then they are mailed nothing)
 * @param removed whether an admin removed the account: only its id is kept, so that an older event
 *     arriving late brings nothing back
 */
@Document("staff")
public record StaffMember(
    @Id String id,
    String email,
    String name,
    String role,
    Instant changedAt,
    boolean commentMailsOff,
    Boolean reviewMailsOff,
    boolean suspended,
    Boolean removed) {

  /** Boxed: accounts announced before review mails or removals existed have no such field. */
  public StaffMember {
    reviewMailsOff = reviewMailsOff != null && reviewMailsOff;
    removed = removed != null && removed;
  }
}
