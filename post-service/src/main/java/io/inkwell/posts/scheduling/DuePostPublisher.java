package io.inkwell.posts.scheduling;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.posts.post.Post;
import io.inkwell.posts.post.PostManagement;
import io.inkwell.posts.post.PostStatus;
import io.inkwell.posts.post.PostWrites;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled posts whose time has come. The schedule lives in the post documents, so it
 * survives restarts. Several instances may run this at once: each publishes through a
 * version-checked write, so exactly one of them wins a post and raises its one {@code
 * PostPublished}; the others' writes fail the version check and are dropped.
 */
@Component
public class DuePostPublisher {

  private static final Logger log = LoggerFactory.getLogger(DuePostPublisher.class);
  private static final int BATCH = 100;

  private final MongoOperations mongo;
  private final PostWrites writes;
  private final Clock clock;

  private final Counter publishedCounter;

  DuePostPublisher(MongoOperations mongo, PostWrites writes, Clock clock, MeterRegistry registry) {
    this.publishedCounter = PostManagement.publishedCounter(registry);
    this.mongo = mongo;
    this.writes = writes;
    this.clock = clock;
  }

  /**
   * @return how many posts this call published
   */
  @Scheduled(fixedDelayString = "${inkwell.posts.schedule-check-interval:1s}")
  public int publishDue() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Query due =
        Query.query(where("status").is(PostStatus.SCHEDULED).and("publishAt").lte(now))
            .with(Sort.by("publishAt"))
            .limit(BATCH);
    int published = 0;
    for (Post post : mongo.find(due, Post.class)) {
      if (post.publishIfDue(now)) {
        try {
          writes.save(post);
          published++;
          publishedCounter.increment();
          log.info("Published scheduled post {} ({})", post.id(), post.slug());
        } catch (OptimisticLockingFailureException publishedElsewhere) {
          log.debug("Post {} was published or changed by someone else", post.id());
        }
      }
    }
    return published;
  }
}
