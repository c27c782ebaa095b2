package io.inkwell.auth.staff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person who signs in to write or run the blog. The email is the login name. */
@Document("staff")
public class StaffAccount {

  @Id private final String id;

  @Indexed(unique = true)
  private final String email;

  private final String name;
  private final Role role;
  private String passwordHash;
  private final Instant createdAt;
  @Version private Long version;

  /**
   * Events not yet relayed to Kafka, written with the change that raised them (one single-document
   * update, as in post- and comment-service).
   */
  private List<StaffEvent> outbox = new ArrayList<>();

  /** Whether the account's {@code StaffChanged} was ever raised (older accounts are caught up). */
  private boolean announced;

  /** The SHA-256 of the open invitation's token (the token itself is only in the mail). */
  @Indexed(sparse = true)
  private String invitationHash;

  private Instant invitationExpiresAt;

  /** Whether they asked not to be mailed about comments on their posts (on unless they did). */
  private boolean commentMailsOff;

  StaffAccount(
      String id, String email, String name, Role role, String passwordHash, Instant createdAt) {
    this.id = id;
    this.email = email;
    this.name = name;
    this.role = role;
    this.passwordHash = passwordHash;
    this.createdAt = createdAt;
  }

  /** Tells the platform the account exists as it now is. */
  void announce(Instant now) {
    outbox.add(StaffChanged.of(this, now));
    announced = true;
  }

  /** Opens an invitation whose link the invitee gets by mail. */
  void invite(
      String tokenHash, String acceptUrl, String invitedBy, Instant expiresAt, Instant now) {
    invitationHash = tokenHash;
    invitationExpiresAt = expiresAt;
    outbox.add(StaffInvited.of(this, invitedBy, acceptUrl, expiresAt, now));
  }

  public String id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String name() {
    return name;
  }

  public Role role() {
    return role;
  }

  String passwordHash() {
    return passwordHash;
  }

  public Instant createdAt() {
    return createdAt;
  }

  Instant invitationExpiresAt() {
    return invitationExpiresAt;
  }

  public boolean wantsCommentMails() {
    return !commentMailsOff;
  }

  /** Events raised but not yet relayed to Kafka, oldest first. */
  public List<StaffEvent> outbox() {
    return List.copyOf(outbox);
  }
}
