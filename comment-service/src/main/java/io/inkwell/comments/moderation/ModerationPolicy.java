package io.inkwell.comments.moderation;

/** Which new comments wait for a moderator. */
public enum ModerationPolicy {
  /** Every comment waits. */
  HOLD_ALL,
  /** Comments wait unless the address already has an approved comment (WordPress's default). */
  HOLD_FIRST_TIME,
  /** Comments appear at once (spam signals and link-heavy comments still wait). */
  APPROVE_ALL
}
