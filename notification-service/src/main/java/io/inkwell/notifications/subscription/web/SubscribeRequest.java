package io.inkwell.notifications.subscription.web;

import io.inkwell.notifications.subscription.Frequency;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

record SubscribeRequest(
    @NotBlank
        @Size(max = 254)
        @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be an email address")
        String email,
    @Size(max = 20) List<@NotBlank @Size(max = 50) @Pattern(regexp = "[^$]*") String> tags,
    Frequency frequency) {

  /** Surrounding whitespace is a typing slip, not part of the address. */
  SubscribeRequest {
    email = email == null ? null : email.strip();
  }
}
