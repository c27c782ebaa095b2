package io.inkwell.notifications.subscription.web;

import io.inkwell.notifications.subscription.Frequency;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

record SubscribeRequest(
    @NotBlank @MailableAddress String email,
    @Size(max = 20) List<@NotBlank @Size(max = 50) @Pattern(regexp = "[^$]*") String> tags,
    Frequency frequency) {

  /** Surrounding whitespace is a typing slip, not part of the address. */
  SubscribeRequest {
    email = email == null ? null : email.strip();
  }
}
