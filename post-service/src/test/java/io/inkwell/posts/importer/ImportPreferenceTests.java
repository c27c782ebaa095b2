package io.inkwell.posts.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7240's {@code Prefer} as an import reads it, in the forms clients send it. */
class ImportPreferenceTests {

  @Test
  void respondAsyncWithAWaitIsAnAnswerAfterAtMostThatLong() {
    assertThat(ImportPreference.of(List.of("respond-async, wait=100")))
        .isEqualTo(new ImportPreference(true, Duration.ofSeconds(100)));
    assertThat(ImportPreference.of(List.of("wait=100", "Respond-Async")))
        .as("in two headers, in any case")
        .isEqualTo(new ImportPreference(true, Duration.ofSeconds(100)));
    assertThat(ImportPreference.of(List.of("respond-async; foo=bar, wait=\"5\", return=minimal")))
        .as("with parameters, a quoted value and preferences of other kinds")
        .isEqualTo(new ImportPreference(true, Duration.ofSeconds(5)));
  }

  @Test
  void respondAsyncAloneIsAnAnswerAtOnce() {
    assertThat(ImportPreference.of(List.of("respond-async")))
        .isEqualTo(new ImportPreference(true, Duration.ZERO));
  }

  @Test
  void aWaitIsAtMostTenMinutesAndOneThatIsNoNumberIsIgnored() {
    assertThat(ImportPreference.of(List.of("respond-async, wait=86400")).waitAtMost())
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(ImportPreference.of(List.of("respond-async, wait=-3")).waitAtMost())
        .isEqualTo(Duration.ZERO);
    assertThat(ImportPreference.of(List.of("respond-async, wait=soon")).waitAtMost())
        .isEqualTo(Duration.ZERO);
    assertThat(
            ImportPreference.of(List.of("respond-async, wait=99999999999999999999")).waitAtMost())
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void withoutRespondAsyncTheAnswerComesAtTheEnd() {
    assertThat(ImportPreference.of(null).async()).isFalse();
    assertThat(ImportPreference.of(List.of()).async()).isFalse();
    assertThat(ImportPreference.of(List.of("wait=10")).async()).isFalse();
    assertThat(ImportPreference.of(List.of("respond-asynchronously")).async()).isFalse();
  }
}
