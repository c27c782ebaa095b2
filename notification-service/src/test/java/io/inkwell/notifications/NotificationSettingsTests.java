package io.inkwell.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Settings that would send wrong mail stop the service at start, saying which one is wrong. */
class NotificationSettingsTests {

  @Configuration
  @EnableConfigurationProperties(NotificationSettings.class)
  static class Bound {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(Bound.class)
          .withPropertyValues(
              "inkwell.notifications.site-url=https://blog.example.org/",
              "inkwell.notifications.from=blog@example.org",
              "inkwell.notifications.token-secret=a-secret-of-at-least-thirty-two-characters");

  @Test
  void aReplyToAddressIsTakenAndNoneIsTheDefault() {
    context.run(
        started -> {
          var settings = started.getBean(NotificationSettings.class);
          assertThat(settings.replyTo()).isEmpty();
          assertThat(settings.siteUrl()).isEqualTo("https://blog.example.org");
        });
    context
        .withPropertyValues("inkwell.notifications.reply-to=Letters <letters@example.org>")
        .run(
            started ->
                assertThat(started.getBean(NotificationSettings.class).replyTo())
                    .isEqualTo("Letters <letters@example.org>"));
  }

  @Test
  void aReplyToThatIsNoAddressOrAShortSecretStopsTheStart() {
    context
        .withPropertyValues("inkwell.notifications.reply-to=letters at example dot org")
        .run(
            started ->
                assertThat(started)
                    .getFailure()
                    .hasStackTraceContaining("inkwell.notifications.reply-to is no mail address"));
    context
        .withPropertyValues("inkwell.notifications.token-secret=short")
        .run(
            started ->
                assertThat(started)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("token-secret must be set to at least 32 characters"));
  }
}
