package io.inkwell.auth.staff.web;

import io.inkwell.auth.staff.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record InviteRequest(
    @NotBlank @Email @Size(max = 254) @Pattern(regexp = MAILABLE, message = A_MAILBOX) String email,
    @NotBlank @Size(max = 100) @Pattern(regexp = VISIBLE, message = SOMETHING_TO_SEE) String name,
    @NotNull Role role) {

  /**
   * An address the invitation mail can reach, as WordPress asks of a new user's: a domain of at
   * least two parts whose last is a name, not a number ({@code ann@localhost}, {@code ann@gmail}
   * and {@code ann@[10.0.0.1]} are typing mistakes, and the invitee would wait for a mail that
   * never comes).
   */
  static final String MAILABLE = "[^@]+@[^@\\[\\]]+\\.[^@.\\d\\[\\]-][^@.]*";

  static final String A_MAILBOX = "must be an address mail can reach, such as ann@example.org";

  /** A name with something to see in it: not only spaces and invisible characters. */
  static final String VISIBLE = "(?s).*[\\p{L}\\p{N}\\p{P}\\p{S}].*";

  static final String SOMETHING_TO_SEE = "at least one letter, digit, punctuation mark or symbol";
}
