package io.inkwell.comments.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CommentBodiesTests {

  private final CommentBodies bodies = new CommentBodies();

  /**
   * A comment's 10,000 characters can nest emphasis 5,000 deep, which overflowed the parser on the
   * local stack's request threads (512 KB of stack): on such a thread it is refused as nested too
   * deeply, and emphasis nested as people write it renders.
   */
  @Test
  void emphasisNestedAsDeepAsACommentCanIsRefusedOnARequestThread() throws Throwable {
    var rendered = new AtomicReference<String>();

    onARequestThread(
        () -> rendered.set(bodies.render("***[a _fine_ link](https://example.org)***")));

    assertThat(rendered.get())
        .isEqualTo(
            "<p><em><strong><a href=\"https://example.org\" rel=\"nofollow ugc noopener\">a"
                + " <em>fine</em> link</a></strong></em></p>\n");
    assertThatThrownBy(
            () ->
                onARequestThread(() -> bodies.render("*".repeat(4_999) + "x" + "*".repeat(4_999))))
        .isInstanceOf(CommentProblems.NestedTooDeeply.class)
        .hasMessageContaining("more than 100 levels deep");
  }

  private static void onARequestThread(Runnable work) throws Throwable {
    var failure = new AtomicReference<Throwable>();
    var thread =
        new Thread(
            null,
            () -> {
              try {
                work.run();
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "request",
            512 * 1024);
    thread.start();
    thread.join();
    if (failure.get() != null) {
      throw failure.get();
    }
  }
}
