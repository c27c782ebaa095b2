package io.inkwell.auth.staff.web;

import io.inkwell.auth.staff.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record InviteRequest(
    @NotBlank @Email @Size(max = 254) String email,
    @NotBlank @Size(max = 100) String name,
    @NotNull Role role) {}
