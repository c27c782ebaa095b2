package io.inkwell.auth.integration.web;

import io.inkwell.auth.integration.Integration;
import io.inkwell.auth.integration.IntegrationManagement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class IntegrationController {

  private final IntegrationManagement integrations;

  IntegrationController(IntegrationManagement integrations) {
    this.integrations = integrations;
  }

  record CreateRequest(@NotBlank @Size(max = 100) String name) {}

  /** {@code clientSecret} is only ever in the answer to the request that created it. */
  record IntegrationResponse(String clientId, String name, Instant createdAt, String clientSecret) {

    static IntegrationResponse of(Integration integration, String secret) {
      return new IntegrationResponse(
          integration.clientId(), integration.name(), integration.createdAt(), secret);
    }
  }

  @PostMapping("/api/integrations")
  ResponseEntity<IntegrationResponse> create(@Valid @RequestBody CreateRequest request) {
    var created = integrations.create(request.name());
    var body = IntegrationResponse.of(created.integration(), created.secret());
    return ResponseEntity.created(URI.create("/api/integrations/" + body.clientId())).body(body);
  }

  @GetMapping("/api/integrations")
  Map<String, List<IntegrationResponse>> list() {
    return Map.of(
        "items",
        integrations.all().stream().map(each -> IntegrationResponse.of(each, null)).toList());
  }

  @DeleteMapping("/api/integrations/{clientId}")
  ResponseEntity<Void> revoke(@PathVariable String clientId) {
    if (!integrations.revoke(clientId)) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "There is no integration with this client id.");
    }
    return ResponseEntity.noContent().build();
  }
}
