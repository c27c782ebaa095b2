package io.inkwell.posts.post;

/**
 * A body whose quotes, lists, emphasis or links sit within each other deeper than {@link
 * MarkdownNesting#DEEPEST}: no page a reader reads nests so, and rendering it would take the
 * service's stack (or, for a line of thousands of list markers, seconds of its time).
 */
public class NestedTooDeeply extends RuntimeException {

  NestedTooDeeply() {
    super(
        "The body nests quotes, lists, emphasis or links within each other more than "
            + MarkdownNesting.DEEPEST
            + " levels deep; no page needs that many.");
  }
}
