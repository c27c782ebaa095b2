package io.inkwell.comments.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.testsupport.RequestThreads;
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

    RequestThreads.run(
        () -> rendered.set(bodies.render("***[a _fine_ link](https://example.org)***")));

    assertThat(rendered.get())
        .isEqualTo(
            "<p><em><strong><a href=\"https://example.org\" rel=\"nofollow ugc noopener\">a"
                + " <em>fine</em> link</a></strong></em></p>\n");
    assertThatThrownBy(
            () ->
                RequestThreads.run(
                    () -> bodies.render("*".repeat(4_999) + "x" + "*".repeat(4_999))))
        .isInstanceOf(CommentProblems.NestedTooDeeply.class)
        .hasMessageContaining("more than 100 levels deep");
  }
}
