package io.inkwell.notifications.privacy.web;

import io.inkwell.notifications.privacy.Erasures;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An admin forgets an address on its owner's request (with the subscribers: admins only). */
@RestController
class ErasureController {

  private final Erasures erasures;

  ErasureController(Erasures erasures) {
    this.erasures = erasures;
  }

  /** → whether it was a subscriber's, and how many records of comment mails to it went. */
  @PostMapping(path = "/api/subscribers/erasure", consumes = MediaType.APPLICATION_JSON_VALUE)
  Erasures.Erased erase(@Valid @RequestBody ErasureRequest request) {
    return erasures.erase(request.email());
  }

  /** The address to forget, as its owner gave it. */
  record ErasureRequest(@NotBlank @Email @Size(max = 254) String email) {

    ErasureRequest {
      email = email == null ? null : email.strip();
    }
  }
}
