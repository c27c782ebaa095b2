package io.inkwell.posts.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Soon after a start, reads how long the episodes and videos uploaded before durations were read
 * play, so that a podcast's older episodes carry theirs in its feed too ({@link BlogFiles}). Each
 * is read once; two instances reading the same one note the same.
 */
@Component
class OlderPlayingTimes {

  private static final Logger log = LoggerFactory.getLogger(OlderPlayingTimes.class);

  private static final int AT_A_TIME = 20;

  private final BlogFiles files;

  OlderPlayingTimes(BlogFiles files) {
    this.files = files;
  }

  @Scheduled(
      initialDelayString = "${inkwell.files.older-playing-times-after:1m}",
      fixedDelayString = "PT24H")
  void read() {
    int read = 0;
    int batch;
    do {
      batch = files.readOlderPlayingTimes(AT_A_TIME);
      read += batch;
    } while (batch == AT_A_TIME);
    if (read > 0) {
      log.info("Read how long {} files uploaded earlier play", read);
    }
  }
}
