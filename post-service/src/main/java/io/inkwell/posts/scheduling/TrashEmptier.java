package io.inkwell.posts.scheduling;

import io.inkwell.posts.post.PostManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes for good the posts that have been in the trash longer than {@code trash-retention} (the
 * time is set when the post goes there), as WordPress empties its trash after 30 days. Each
 * deletion raises {@code PostDeleted}, so the comments go with the post.
 */
@Component
class TrashEmptier {

  private static final Logger log = LoggerFactory.getLogger(TrashEmptier.class);

  private final PostManagement posts;

  TrashEmptier(PostManagement posts) {
    this.posts = posts;
  }

  @Scheduled(
      initialDelayString = "${inkwell.posts.trash-check-interval:1h}",
      fixedDelayString = "${inkwell.posts.trash-check-interval:1h}")
  void emptyTrash() {
    int deleted = posts.emptyTrash();
    if (deleted > 0) {
      log.info("Deleted for good {} posts whose time in the trash was over", deleted);
    }
  }
}
