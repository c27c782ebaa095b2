package io.inkwell.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.testsupport.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Subscribes an address the way a reader does: the form, then the link in the mail. */
public final class Subscribing {

  private Subscribing() {}

  public static void confirmedSubscriber(ApiClient api, String email) {
    confirmedSubscriber(api, email, List.of());
  }

  /** A confirmed subscriber to the posts of these tags (none: every post). */
  public static void confirmedSubscriber(ApiClient api, String email, List<String> tags) {
    int before = TestMail.to(email).size();
    assertThat(
            api.post("/api/subscriptions", ApiClient.json(Map.of("email", email, "tags", tags)))
                .status())
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).until(() -> TestMail.to(email).size() > before);
    String token = TestMail.token(TestMail.to(email).get(before));
    var confirmed = api.post("/api/subscriptions/confirm", ApiClient.json(Map.of("token", token)));
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
  }
}
