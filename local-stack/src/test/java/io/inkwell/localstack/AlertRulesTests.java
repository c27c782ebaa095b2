package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert rules in {@code ops/prometheus}, checked by Prometheus's own promtool where it is
 * installed (Debian's {@code prometheus} package; CI installs it): they load, and they fire, and
 * stay quiet, in the situations {@code alerts.test.yml} describes. That every metric they use is
 * exported is checked against the running services in {@link PublishToInboxEndToEndTests}.
 */
class AlertRulesTests {

  private static Path promtool;

  @BeforeAll
  static void findPromtool() {
    promtool =
        Stream.of(System.getenv("PATH").split(File.pathSeparator))
            .map(dir -> Path.of(dir, "promtool"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
  }

  @Test
  void theAlertRulesAreValidForPrometheus() throws Exception {
    assertThat(promtool("check", "rules", "../ops/prometheus/alerts.yml")).contains("SUCCESS");
  }

  @Test
  void eachAlertFiresWhenItShouldAndStaysQuietWhenItShouldNot() throws Exception {
    assertThat(promtool("test", "rules", "../ops/prometheus/alerts.test.yml")).contains("SUCCESS");
  }

  private static String promtool(String... arguments) throws Exception {
    Assumptions.assumeTrue(promtool != null, "promtool is not installed here");
    var command = Stream.concat(Stream.of(promtool.toString()), Stream.of(arguments)).toList();
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }
}
