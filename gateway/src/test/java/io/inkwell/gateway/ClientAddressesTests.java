package io.inkwell.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;

class ClientAddressesTests {

  private final ClientAddresses addresses =
      new ClientAddresses(
          new GatewaySettings(
              DataSize.ofMegabytes(1),
              DataSize.ofMegabytes(6),
              DataSize.ofKilobytes(8),
              DataSize.ofKilobytes(8),
              List.of(),
              DataSize.ofMegabytes(101),
              List.of(),
              java.time.Duration.ofMinutes(30),
              "127\\.0\\.0\\.1|10\\.0\\.0\\.5",
              List.of(),
              "",
              Map.of(),
              new GatewaySettings.SharedRateLimits("", java.time.Duration.ofSeconds(1)),
              false));

  private static MockServerWebExchange from(String address, String forwardedFor, String proto) {
    var request =
        MockServerHttpRequest.get("http://blog.example.org/api/posts")
            .remoteAddress(new InetSocketAddress(address, 40000));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    if (proto != null) {
      request.header("X-Forwarded-Proto", proto);
    }
    return MockServerWebExchange.from(request);
  }

  @Test
  void aClientThatConnectsDirectlyCannotChooseItsAddress() {
    assertThat(addresses.client(from("203.0.113.9", "198.51.100.1", null)))
        .isEqualTo("203.0.113.9");
    assertThat(addresses.overTls(from("203.0.113.9", null, "https"))).isFalse();
  }

  @Test
  void behindTrustedProxiesTheFirstUntrustedHopIsTheClient() {
    // reader -> TLS proxy (10.0.0.5) -> gateway -> web (127.0.0.1) -> gateway
    var exchange = from("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.5", "https");

    assertThat(addresses.client(exchange)).isEqualTo("198.51.100.7");
    assertThat(addresses.overTls(exchange)).isTrue();
  }
}
