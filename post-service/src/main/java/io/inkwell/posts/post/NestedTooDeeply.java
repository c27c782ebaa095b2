package io.inkwell.posts.post;

/**
 * A body that nests deeper, or piles up more marks that nest, than {@link MarkdownNesting} lets
 * through: no page a reader reads needs it, and CommonMark would need more of the stack, or seconds
 * to minutes of the service's time, to read it.
 */
public class NestedTooDeeply extends RuntimeException {

  NestedTooDeeply(String message) {
    super(message);
  }
}
