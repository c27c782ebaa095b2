package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostTests {

  private static final Instant CREATED = Instant.parse("2009-03-11T20:00:00Z");
  private static final Instant PUBLISHED = Instant.parse("2009-03-12T09:41:00Z");

  private final Post draft =
      Post.draft(
          "wrapping-up-the-wpc",
          new Post.Content("Wrapping up the WPC", "Notes.", "<p>Notes.</p>", "Notes."),
          List.of("conferences"),
          new Author("owner", "Blog owner"),
          CREATED);

  @Test
  void aNewPostIsADraftWithNothingToSend() {
    assertThat(draft.status()).isEqualTo(PostStatus.DRAFT);
    assertThat(draft.publishedAt()).isNull();
    assertThat(draft.outbox()).isEmpty();
  }

  @Test
  void publishingRaisesPostPublishedWithWhatSubscribersAreToldAbout() {
    assertThat(draft.publish(PUBLISHED)).isTrue();

    assertThat(draft.status()).isEqualTo(PostStatus.PUBLISHED);
    assertThat(draft.publishedAt()).isEqualTo(PUBLISHED);
    assertThat(draft.outbox())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.type()).isEqualTo("PostPublished");
              assertThat(event.postId()).isEqualTo(draft.id());
              assertThat(event.slug()).isEqualTo("wrapping-up-the-wpc");
              assertThat(event.title()).isEqualTo("Wrapping up the WPC");
              assertThat(event.excerpt()).isEqualTo("Notes.");
              assertThat(event.publishedAt()).isEqualTo(PUBLISHED);
              assertThat(event.occurredAt()).isEqualTo(PUBLISHED);
              assertThat(event.eventId()).isNotBlank();
            });
  }

  @Test
  void publishingTwiceRaisesOneEventAndKeepsTheFirstPublicationTime() {
    draft.publish(PUBLISHED);

    assertThat(draft.publish(PUBLISHED.plusSeconds(3600))).isFalse();

    assertThat(draft.outbox()).hasSize(1);
    assertThat(draft.publishedAt()).isEqualTo(PUBLISHED);
  }
}
