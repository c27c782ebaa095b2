package io.inkwell.auth.staff.web;

import io.inkwell.auth.staff.StaffManagement;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record PasswordChangeRequest(
    @NotBlank @Size(max = 200) String currentPassword,
    @NotBlank @Size(min = StaffManagement.MIN_PASSWORD_LENGTH, max = 200) String newPassword) {}
