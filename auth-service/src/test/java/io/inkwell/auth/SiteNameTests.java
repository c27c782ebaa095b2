package io.inkwell.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.Topics;
import java.time.Duration;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** The sign-in page carries the blog's title as an admin last set it in Settings. */
class SiteNameTests extends AuthServiceIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private KafkaTemplate<String, String> kafka;

  @AfterEach
  void backToTheConfiguredName() {
    mongo.dropCollection("site");
  }

  @Test
  void theSignInPageFollowsTheBlogsTitleAndNotAnOlderOne() throws Exception {
    processed(siteChanged(4, "Notes from <Lisbon>"));

    assertThat(signInPage())
        .as("escaped, as everything an admin types")
        .contains("<title>Sign in · Notes from &lt;Lisbon&gt;</title>");

    processed(siteChanged(3, "An older name, delivered late"));

    assertThat(signInPage()).contains("<title>Sign in · Notes from &lt;Lisbon&gt;</title>");
  }

  private String signInPage() {
    return new ApiClient(base()).get("/login", "Accept", "text/html").raw().body();
  }

  /** The contract's example, with a fresh id and the given version and title. */
  private RecordMetadata siteChanged(long version, String title) {
    var event = Contracts.example("site-changed");
    event.put("version", version);
    event.put("title", title);
    assertThat(Contracts.violations(event.toString())).isEmpty();
    return kafka.send("blog.site-events", "site", event.toString()).join().getRecordMetadata();
  }

  /** Waits until the service's consumer group has committed past the record. */
  private void processed(RecordMetadata sent) {
    await().atMost(PATIENCE).until(() -> Topics.consumed(brokers, "auth-service", sent));
  }
}
