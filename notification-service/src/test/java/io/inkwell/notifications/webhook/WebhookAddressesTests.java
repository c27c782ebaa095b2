package io.inkwell.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook cannot be pointed into the platform's own network: not when it is added, and not when a
 * name resolves there only by the time it is called. A real HTTP server on this machine stands for
 * a service inside the network.
 */
class WebhookAddressesTests {

  private final WebhookAddresses publicOnly = new WebhookAddresses(Set.of());
  private HttpServer inside;
  private final AtomicInteger reached = new AtomicInteger();

  @BeforeEach
  void startServiceInside() throws Exception {
    inside = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    inside.createContext(
        "/",
        exchange -> {
          reached.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    inside.start();
  }

  @AfterEach
  void stopServiceInside() {
    inside.stop(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "0.0.0.0",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254", // the clouds' metadata service
        "100.64.0.1",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fd12:3456::1",
        "::ffff:10.0.0.1",
        "::127.0.0.1"
      })
  void addressesInsideTheNetworkArePrivate(String address) throws Exception {
    assertThat(WebhookAddresses.isPrivate(InetAddress.getByName(address))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.215.14", "1.1.1.1", "172.32.0.1", "2606:4700:4700::1111"})
  void addressesOnTheInternetAreNot(String address) throws Exception {
    assertThat(WebhookAddresses.isPrivate(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1", "[::1]"})
  void aCallIntoTheNetworkIsNotMade(String host) throws Exception {
    try (CloseableHttpClient http = WebhookCalls.client(publicOnly, Duration.ofSeconds(10))) {
      var post = new HttpPost("http://" + host + ":" + inside.getAddress().getPort() + "/hook");

      assertThatThrownBy(() -> http.execute(post, response -> response.getCode()))
          .isInstanceOf(WebhookAddresses.PrivateAddress.class)
          .hasMessageContaining("a private address");
    }
    assertThat(reached).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1"})
  void anInstallationThatAllowsItsOwnNetworkCallsThere(String host) throws Exception {
    try (CloseableHttpClient http =
        WebhookCalls.client(new WebhookAddresses(Set.of("*")), Duration.ofSeconds(10))) {
      var post = new HttpPost("http://" + host + ":" + inside.getAddress().getPort() + "/hook");

      int status = http.execute(post, response -> response.getCode());

      assertThat(status).isEqualTo(200);
    }
    assertThat(reached).hasValue(1);
  }

  @Test
  void aHostTheInstallationNamedIsCalledAndNoOtherInside() throws Exception {
    var builderNextDoor = new WebhookAddresses(Set.of(" LocalHost"));
    int port = inside.getAddress().getPort();
    try (CloseableHttpClient http = WebhookCalls.client(builderNextDoor, Duration.ofSeconds(10))) {
      int status = http.execute(new HttpPost("http://localhost:" + port), r -> r.getCode());
      assertThatThrownBy(
              () -> http.execute(new HttpPost("http://127.0.0.1:" + port), r -> r.getCode()))
          .isInstanceOf(WebhookAddresses.PrivateAddress.class);

      assertThat(status).isEqualTo(200);
    }
    assertThat(reached).hasValue(1);
    assertThat(builderNextDoor.refused("localhost")).isEmpty();
    assertThat(builderNextDoor.refused("127.0.0.1")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost:8081/actuator",
        "http://10.0.0.7/hook",
        "https://[fd00::1]/hook"
      })
  void aWebhookIntoTheNetworkIsRefusedWhenAddedAndNothingIsStored(String target) {
    MongoTemplate mongo = mock(MongoTemplate.class);
    var webhooks = new Webhooks(mongo, Clock.systemUTC(), JsonMapper.builder().build(), publicOnly);

    assertThatThrownBy(() -> webhooks.add("Inside", "post.published", target, "owner"))
        .isInstanceOf(Webhooks.Invalid.class)
        .hasMessageContaining("inside the platform's own network")
        .extracting(e -> ((Webhooks.Invalid) e).field())
        .isEqualTo("targetUrl");
    verifyNoInteractions(mongo);
  }

  @ParameterizedTest
  @ValueSource(strings = {"receiver.invalid", "93.184.215.14"})
  void aNameNotResolvedYetOrAPublicAddressMayBeAdded(String host) {
    assertThat(publicOnly.refused(host)).isEmpty();
  }
}
