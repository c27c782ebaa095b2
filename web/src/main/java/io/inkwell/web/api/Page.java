package io.inkwell.web.api;

import java.util.List;

/** One page of a cursor-paged list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

  public Page {
    items = items == null ? List.of() : items;
  }
}
