package io.inkwell.auth.web;

import io.inkwell.auth.staff.StaffManagement;
import java.nio.charset.StandardCharsets;

/** The rules a password chosen on a page (invitation, reset) must meet. */
final class NewPassword {

  /** bcrypt reads no further than this. */
  static final int MAX_BYTES = 72;

  private NewPassword() {}

  /**
   * @return what is wrong with the chosen password and its confirmation, or null when nothing is
   */
  static String problem(String password, String confirmation) {
    if (password.length() < StaffManagement.MIN_PASSWORD_LENGTH
        || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return "Choose a password of "
          + StaffManagement.MIN_PASSWORD_LENGTH
          + " to "
          + MAX_BYTES
          + " characters: a few words make a good one.";
    }
    if (!password.equals(confirmation)) {
      return "The two passwords are not the same.";
    }
    return null;
  }
}
