package io.inkwell.posts.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Now and then removes what uploads that died half-way wrote ({@link BlogFiles}). */
@Component
class UnfinishedUploadsSweeper {

  private static final Logger log = LoggerFactory.getLogger(UnfinishedUploadsSweeper.class);

  private final BlogFiles files;

  UnfinishedUploadsSweeper(BlogFiles files) {
    this.files = files;
  }

  @Scheduled(
      initialDelayString = "${inkwell.files.unfinished-check-interval:1h}",
      fixedDelayString = "${inkwell.files.unfinished-check-interval:1h}")
  void removeUnfinishedUploads() {
    int removed = files.removeUnfinishedUploads();
    if (removed > 0) {
      log.info("Removed the chunks of {} uploads that died half-way", removed);
    }
  }
}
