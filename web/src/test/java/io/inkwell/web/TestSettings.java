package io.inkwell.web;

import java.time.Duration;
import java.time.ZoneId;

/** The web module's settings as a unit test wants them: an API and a site that are never called. */
public final class TestSettings {

  private TestSettings() {}

  /** The defaults, with dates shown in {@code zone}. */
  public static WebSettings inZone(String zone) {
    return new WebSettings(
        "http://api",
        "http://site",
        "B",
        "D",
        ZoneId.of(zone),
        10,
        Duration.ofSeconds(30),
        Duration.ofSeconds(130),
        Duration.ofSeconds(100));
  }
}
