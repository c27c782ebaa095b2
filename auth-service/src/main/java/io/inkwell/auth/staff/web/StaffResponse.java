package io.inkwell.auth.staff.web;

import io.inkwell.auth.staff.Role;
import io.inkwell.auth.staff.StaffAccount;
import java.time.Instant;

/** A staff member as admins see them; the password hash never leaves the service. */
record StaffResponse(
    String id,
    String email,
    String name,
    String bio,
    String website,
    String avatar,
    Role role,
    Instant createdAt,
    boolean commentMails,
    boolean reviewMails,
    boolean suspended,
    boolean twoStep,
    Integer recoveryCodesLeft,
    Instant lastSignedInAt,
    String temporaryPassword,
    Boolean twoStepRequired) {

  static StaffResponse of(StaffAccount account) {
    return of(account, null);
  }

  static StaffResponse of(StaffAccount account, String temporaryPassword) {
    return new StaffResponse(
        account.id(),
        account.email(),
        account.name(),
        account.bio(),
        account.website(),
        account.avatar(),
        account.role(),
        account.createdAt(),
        account.wantsCommentMails(),
        account.wantsReviewMails(),
        account.suspended(),
        account.twoStep(),
        account.twoStep() ? account.recoveryCodesLeft() : null,
        account.lastSignedInAt(),
        temporaryPassword,
        null);
  }

  /** With whether the blog requires two-step sign-in of all staff (their own account's answer). */
  StaffResponse withTwoStepRequired(boolean required) {
    return new StaffResponse(
        id,
        email,
        name,
        bio,
        website,
        avatar,
        role,
        createdAt,
        commentMails,
        reviewMails,
        suspended,
        twoStep,
        recoveryCodesLeft,
        lastSignedInAt,
        temporaryPassword,
        required);
  }
}
