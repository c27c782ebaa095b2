package io.inkwell.notifications.subscription.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ConfirmRequest(@NotBlank @Size(max = 512) String token) {}
