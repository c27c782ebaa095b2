package io.inkwell.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.RestartableKafka;
import io.inkwell.testsupport.SignIn;
import io.inkwell.testsupport.TestMongo;
import io.inkwell.testsupport.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * With Kafka stopped, admins keep inviting staff: the events (and with them the invitations' mails)
 * wait in the accounts' outboxes, the relay says so in a line each time it tries rather than
 * waiting for every account's event in turn, and when Kafka is back every one of them is sent. The
 * producer's timeouts of {@code application.yml}, as in production. Uses a broker of its own that
 * it can stop, hence its own application context.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "inkwell.auth.owner.email=owner@example.org",
      "inkwell.auth.owner.password=correct horse battery",
      "inkwell.auth.bootstrap-integration.client-id=ci-bot",
      "inkwell.auth.bootstrap-integration.secret=ci-bot-secret-of-some-length",
      "inkwell.outbox.poll-interval=100ms"
    })
class KafkaOutageTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final RestartableKafka KAFKA =
      RestartableKafka.started("inkwell-auth-kafka-outage");

  @Value("${local.server.port}")
  private int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    registry.add("spring.mongodb.uri", () -> TestMongo.uri("auth-kafka-outage"));
  }

  @AfterAll
  static void stopKafka() {
    KAFKA.stopAndRemove();
  }

  @Test
  void adminsInviteStaffWhileKafkaIsDownAndEveryEventIsSentWhenItIsBack(CapturedOutput log) {
    String base = "http://localhost:" + port;
    var owner =
        new ApiClient(base)
            .withToken(
                new SignIn(base)
                    .person(
                        AuthServiceIntegrationTest.WEB,
                        AuthServiceIntegrationTest.REDIRECT,
                        "owner@example.org",
                        "correct horse battery"));

    KAFKA.stop();
    int logBefore = log.getOut().length();
    List<String> invited = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String email = "invited-" + UUID.randomUUID() + "@example.org";
      var invitation =
          owner.post(
              "/api/staff",
              ApiClient.json(Map.of("email", email, "name", "Invited " + i, "role", "AUTHOR")));
      assertThat(invitation.status()).as(invitation.toString()).isEqualTo(201);
      invited.add(email);
    }

    RestartableKafka.assertRelaySaidItInLines(log::getOut, logBefore);

    KAFKA.start();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(invitedOnTheTopic()).containsAll(invited));
  }

  /** The addresses {@code StaffInvited} has told the platform of. */
  private static List<String> invitedOnTheTopic() {
    return Topics.readAll(KAFKA.bootstrapServers(), "blog.staff-events").stream()
        .map(record -> JSON.readTree(record.value()))
        .filter(event -> event.path("type").asString().equals("StaffInvited"))
        .map(event -> event.path("email").asString())
        .toList();
  }
}
