package io.inkwell.auth.staff.web;

import io.inkwell.auth.staff.StaffManagement;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * @param keepSession the {@code sid} of the ID token of the browser that stays signed in (the one
 *     the password is changed at); every other is signed out, all of them when it is left out
 */
record PasswordChangeRequest(
    @NotBlank @Size(max = 200) String currentPassword,
    @NotBlank @Size(min = StaffManagement.MIN_PASSWORD_LENGTH, max = 200) String newPassword,
    @Size(max = 100) String keepSession) {}
