package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.posts.post.PostEvent.CommentImported;
import io.inkwell.posts.post.PostEvent.ImportedComment;
import io.inkwell.posts.post.PostEvent.PostDeleted;
import io.inkwell.posts.post.PostEvent.PostPublished;
import io.inkwell.posts.post.PostEvent.PostUnpublished;
import io.inkwell.posts.post.PostEvent.PostUpdated;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostTests {

  private static final Instant CREATED = Instant.parse("2009-03-11T20:00:00Z");
  private static final Instant PUBLISHED = Instant.parse("2009-03-12T09:41:00Z");
  private static final Instant LATER = PUBLISHED.plusSeconds(3600);
  private static final Post.Content CONTENT =
      new Post.Content("Wrapping up the WPC", "Notes.", "<p>Notes.</p>", "Notes.", "Notes.", false);

  private final Post post =
      Post.draft(
          "wrapping-up-the-wpc",
          CONTENT,
          List.of("conferences"),
          true,
          false,
          new Author("owner", "Blog owner"),
          CREATED);

  @Test
  void aNewPostIsADraftWithNothingToSend() {
    assertThat(post.status()).isEqualTo(PostStatus.DRAFT);
    assertThat(post.publishedAt()).isNull();
    assertThat(post.outbox()).isEmpty();
  }

  @Test
  void publishingRaisesPostPublishedWithWhatSubscribersAreToldAbout() {
    assertThat(post.publish(PUBLISHED)).isTrue();

    assertThat(post.status()).isEqualTo(PostStatus.PUBLISHED);
    assertThat(post.publishedAt()).isEqualTo(PUBLISHED);
    assertThat(post.outbox())
        .singleElement()
        .isInstanceOfSatisfying(
            PostPublished.class,
            event -> {
              assertThat(event.type()).isEqualTo("PostPublished");
              assertThat(event.postId()).isEqualTo(post.id());
              assertThat(event.slug()).isEqualTo("wrapping-up-the-wpc");
              assertThat(event.title()).isEqualTo("Wrapping up the WPC");
              assertThat(event.excerpt()).isEqualTo("Notes.");
              assertThat(event.publishedAt()).isEqualTo(PUBLISHED);
              assertThat(event.imported()).isFalse();
              assertThat(event.mailSubscribers()).isTrue();
              assertThat(event.eventId()).isNotBlank();
            });
  }

  @Test
  void aPostPublishedWithoutMailSaysSoToWhoMailsSubscribers() {
    assertThat(post.publish(PUBLISHED, false)).isTrue();

    assertThat(post.mailSubscribers()).isFalse();
    assertThat(post.outbox())
        .singleElement()
        .isInstanceOfSatisfying(
            PostPublished.class,
            event -> {
              assertThat(event.mailSubscribers()).isFalse();
              assertThat(event.bodyHtml()).as("nobody is mailed: the body stays home").isNull();
            });
  }

  @Test
  void aPostTooLongForAMailIsAnnouncedWithoutItsBody() {
    String longBody = "<p>" + "word ".repeat(PostPublished.MAILED_BODY_LIMIT / 5) + "</p>";
    var longPost =
        Post.draft(
            "long",
            new Post.Content("Long", "words", longBody, "words", "word word", false),
            List.of(),
            true,
            false,
            new Author("owner", "Blog owner"),
            PUBLISHED);

    longPost.publish(PUBLISHED);

    assertThat(longPost.outbox())
        .singleElement()
        .isInstanceOfSatisfying(
            PostPublished.class,
            event -> {
              assertThat(event.mailSubscribers()).isTrue();
              assertThat(event.bodyHtml()).isNull();
            });
  }

  @Test
  void aScheduledPostRemembersWhetherItIsToBeMailed() {
    post.schedule(LATER, PUBLISHED, false);

    assertThat(post.publishIfDue(LATER)).isTrue();

    assertThat(post.outbox())
        .singleElement()
        .isInstanceOfSatisfying(
            PostPublished.class, event -> assertThat(event.mailSubscribers()).isFalse());
  }

  @Test
  void publishingTwiceRaisesOneEventAndKeepsTheFirstPublicationTime() {
    post.publish(PUBLISHED);

    assertThat(post.publish(LATER)).isFalse();

    assertThat(post.outbox()).hasSize(1);
    assertThat(post.publishedAt()).isEqualTo(PUBLISHED);
  }

  @Test
  void aScheduledPostWaitsForItsTime() {
    post.schedule(LATER, PUBLISHED);

    assertThat(post.status()).isEqualTo(PostStatus.SCHEDULED);
    assertThat(post.publishIfDue(LATER.minusMillis(1))).isFalse();
    assertThat(post.outbox()).isEmpty();

    assertThat(post.publishIfDue(LATER)).isTrue();
    assertThat(post.status()).isEqualTo(PostStatus.PUBLISHED);
    assertThat(post.publishedAt()).isEqualTo(LATER);
    assertThat(post.publishAt()).isNull();
    assertThat(post.outbox()).singleElement().isInstanceOf(PostPublished.class);
  }

  @Test
  void schedulingForATimeThatHasComePublishesNowDatedBackToIt() {
    post.schedule(PUBLISHED.minusSeconds(1), PUBLISHED);

    assertThat(post.status()).isEqualTo(PostStatus.PUBLISHED);
    assertThat(post.publishedAt()).isEqualTo(PUBLISHED.minusSeconds(1));
    assertThat(post.outbox()).singleElement().isInstanceOf(PostPublished.class);
  }

  @Test
  void aPublishedPostCannotBeScheduled() {
    post.publish(PUBLISHED);

    assertThatThrownBy(() -> post.schedule(LATER.plusSeconds(60), LATER))
        .isInstanceOf(IllegalTransition.class);
  }

  @Test
  void editingAPublishedPostRaisesPostUpdatedAndKeepsTheOldSlugForRedirects() {
    post.publish(PUBLISHED);
    var edited = new Post.Content("WPC, wrapped", "More.", "<p>More.</p>", "More.", "More.", false);

    post.edit(edited, List.of("conferences", "travel"), "wpc-wrapped", true, false, LATER);

    assertThat(post.slug()).isEqualTo("wpc-wrapped");
    assertThat(post.previousSlugs()).containsExactly("wrapping-up-the-wpc");
    assertThat(post.outbox().get(1))
        .isInstanceOfSatisfying(
            PostUpdated.class,
            event -> {
              assertThat(event.title()).isEqualTo("WPC, wrapped");
              assertThat(event.tags()).containsExactly("conferences", "travel");
            });
  }

  @Test
  void editingADraftRaisesNothingAndTheTitleDoesNotMoveTheSlug() {
    post.edit(
        new Post.Content("New title", "b", "<p>b</p>", "b", "b", false),
        List.of(),
        null,
        true,
        false,
        LATER);

    assertThat(post.slug()).isEqualTo("wrapping-up-the-wpc");
    assertThat(post.outbox()).isEmpty();
  }

  @Test
  void unpublishingTakesThePostBackToDraftAndTellsConsumers() {
    post.publish(PUBLISHED);

    post.unpublish(LATER);

    assertThat(post.status()).isEqualTo(PostStatus.DRAFT);
    assertThat(post.outbox().get(1)).isInstanceOf(PostUnpublished.class);
    assertThatThrownBy(() -> post.unpublish(LATER)).isInstanceOf(IllegalTransition.class);
  }

  @Test
  void unpublishingAScheduledPostCancelsTheScheduleSilently() {
    post.schedule(LATER, PUBLISHED);

    post.unpublish(PUBLISHED);

    assertThat(post.status()).isEqualTo(PostStatus.DRAFT);
    assertThat(post.publishAt()).isNull();
    assertThat(post.outbox()).isEmpty();
  }

  @Test
  void aDeletedPostRaisesPostDeletedAndRefusesEverything() {
    post.publish(PUBLISHED);

    post.delete(LATER);

    assertThat(post.outbox().get(1)).isInstanceOf(PostDeleted.class);
    assertThatThrownBy(() -> post.publish(LATER)).isInstanceOf(IllegalTransition.class);
    assertThatThrownBy(() -> post.edit(CONTENT, List.of(), null, true, false, LATER))
        .isInstanceOf(IllegalTransition.class);
    assertThatThrownBy(() -> post.unpublish(LATER)).isInstanceOf(IllegalTransition.class);
    assertThatThrownBy(() -> post.delete(LATER)).isInstanceOf(IllegalTransition.class);
  }

  @Test
  void anImportedPublishedPostAnnouncesItselfAsImportedThenItsComments() {
    var comment = new ImportedComment("c1", null, "Ada", "Nice", PUBLISHED.plusSeconds(60));

    Post imported =
        Post.imported(
            "blogger-1",
            "wpc-wrap",
            "/2009/03/wpc-wrap.html",
            CONTENT,
            List.of("conferences"),
            new Author("owner", "Blog owner"),
            PUBLISHED,
            true,
            new Post.ImportedFlags(true, false, false, false),
            List.of(comment),
            LATER);

    assertThat(imported.publishedAt()).isEqualTo(PUBLISHED);
    assertThat(imported.outbox()).hasSize(2);
    assertThat(imported.outbox().get(0))
        .isInstanceOfSatisfying(
            PostPublished.class, event -> assertThat(event.imported()).isTrue());
    assertThat(imported.outbox().get(1))
        .isInstanceOfSatisfying(
            CommentImported.class, event -> assertThat(event.commentId()).isEqualTo("c1"));
  }
}
