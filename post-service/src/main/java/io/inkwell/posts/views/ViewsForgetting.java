package io.inkwell.posts.views;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Now and then forgets the views of posts deleted for good since. */
@Component
class ViewsForgetting {

  private static final Logger log = LoggerFactory.getLogger(ViewsForgetting.class);

  private final PostViews views;

  ViewsForgetting(PostViews views) {
    this.views = views;
  }

  @Scheduled(
      initialDelayString = "${inkwell.posts.views-cleanup-interval:6h}",
      fixedDelayString = "${inkwell.posts.views-cleanup-interval:6h}")
  void forgetDeletedPosts() {
    int forgotten = views.forgetDeletedPosts();
    if (forgotten > 0) {
      log.info("Forgot the views of {} posts deleted for good", forgotten);
    }
  }
}
