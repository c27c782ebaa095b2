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
  private List<StaffChanged> outbox = new ArrayList<>();

  /** Whether the account's {@code StaffChanged} was ever raised (older accounts are caught up). */
  private boolean announced;

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

  /** Events raised but not yet relayed to Kafka, oldest first. */
  public List<StaffChanged> outbox() {
    return List.copyOf(outbox);
  }
}
