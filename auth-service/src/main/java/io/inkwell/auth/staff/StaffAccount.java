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

  private String name;

  /** A line or two about them for readers, shown on their author page and under their posts. */
  private String bio;

  /** Their own site (http or https), linked from their author page. */
  private String website;

  /** Their picture: one of the blog's ({@code /api/images/…}) or an https address. */
  private String avatar;

  private Role role;
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

  /** Whether they asked not to be mailed when a draft is submitted for review (editors and up). */
  private boolean reviewMailsOff;

  /** Whether an admin took their access away (they cannot sign in; their posts stay). */
  private boolean suspended;

  /**
   * Whether an admin removed the account: it no longer signs in or shows, its address is forgotten,
   * and the document goes once the relay has sent its last events.
   */
  private boolean removed;

  /** The SHA-256 of the open password-reset link's token, and until when it works. */
  @Indexed(sparse = true)
  private String resetHash;

  private Instant resetExpiresAt;

  /** When a reset link was last asked for, so that the form cannot flood their inbox. */
  private Instant resetRequestedAt;

  /**
   * Two-step sign-in ({@link TwoStep}): the authenticator app's secret, encrypted with the salt
   * beside it; one being set up until a code of it is typed; the hashes of the recovery codes not
   * used yet; and the last time step a code was taken for, so that no code is taken twice.
   */
  private String twoStepSecret;

  private String twoStepPendingSecret;
  private String twoStepPendingSalt;
  private String twoStepSalt;
  private List<String> twoStepRecovery;
  private Long twoStepLastStep;

  /**
   * The browsers they signed in with ("Firefox on Windows", the twenty latest), so that a sign-in
   * from another is told to them ({@link SignedInBrowsers#signedIn}); written by updates only.
   */
  private List<String> knownBrowsers;

  /** When they last signed in with their password (Ghost's "Last seen"); null for never. */
  private Instant lastSignedInAt;

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

  /**
   * Gives another role. The owner's stays, and nobody else becomes owner (a blog has one).
   *
   * @throws NotPossible when the change would break that rule
   */
  void changeRole(Role next) {
    if (role == Role.OWNER || !next.invitable()) {
      throw new NotPossible(
          "The blog has one owner: their role stays, and nobody else's becomes OWNER.");
    }
    role = next;
  }

  /**
   * Takes their access away or gives it back. Nobody suspends the owner, and nobody themself (so a
   * blog always keeps someone who can manage it).
   */
  void suspend(boolean suspend, String byStaffId) {
    if (suspend && (role == Role.OWNER || id.equals(byStaffId))) {
      throw new NotPossible("The owner cannot be suspended, and nobody can suspend themself.");
    }
    suspended = suspend;
  }

  /**
   * Removes the account. Nobody removes the owner, and nobody themself (so a blog always keeps
   * someone who can manage it).
   */
  void remove(String byStaffId) {
    if (role == Role.OWNER || id.equals(byStaffId)) {
      throw new NotPossible("The owner cannot be removed, and nobody can remove themself.");
    }
    removed = true;
  }

  /** Whether signing in takes a code of their authenticator app after the password. */
  public boolean twoStep() {
    return twoStepSecret != null;
  }

  String twoStepSecret() {
    return twoStepSecret;
  }

  String twoStepSalt() {
    return twoStepSalt;
  }

  public Instant lastSignedInAt() {
    return lastSignedInAt;
  }

  /** How many recovery codes are not used yet. */
  public int recoveryCodesLeft() {
    return twoStepRecovery == null ? 0 : twoStepRecovery.size();
  }

  public boolean removed() {
    return removed;
  }

  /**
   * Changes what readers see of them: the name their bylines carry (from their next token, and on
   * their earlier posts through {@code StaffChanged}), a short bio, their website and picture.
   */
  void describe(String name, String bio, String website, String avatar) {
    this.name = name;
    this.bio = bio;
    this.website = website;
    this.avatar = avatar;
  }

  void wantCommentMails(boolean wanted) {
    commentMailsOff = !wanted;
  }

  void wantReviewMails(boolean wanted) {
    reviewMailsOff = !wanted;
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

  public String bio() {
    return bio;
  }

  public String website() {
    return website;
  }

  public String avatar() {
    return avatar;
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

  public boolean wantsReviewMails() {
    return !reviewMailsOff;
  }

  public boolean suspended() {
    return suspended;
  }

  Long version() {
    return version;
  }

  Instant resetExpiresAt() {
    return resetExpiresAt;
  }

  /** Events raised but not yet relayed to Kafka, oldest first. */
  public List<StaffEvent> outbox() {
    return List.copyOf(outbox);
  }

  /** A change the blog's rules do not allow, whoever asks. */
  public static class NotPossible extends IllegalArgumentException {
    NotPossible(String message) {
      super(message);
    }
  }
}
