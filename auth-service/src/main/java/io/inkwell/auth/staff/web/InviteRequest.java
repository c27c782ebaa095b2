package io.inkwell.auth.staff.web;

import io.inkwell.auth.staff.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record InviteRequest(
    @NotBlank @Email @Size(max = 254) String email,
    @NotBlank @Size(max = 100) @Pattern(regexp = VISIBLE, message = SOMETHING_TO_SEE) String name,
    @NotNull Role role) {

  /** A name with something to see in it: not only spaces and invisible characters. */
  static final String VISIBLE = "(?s).*[\\p{L}\\p{N}\\p{P}\\p{S}].*";

  static final String SOMETHING_TO_SEE = "at least one letter, digit, punctuation mark or symbol";
}
