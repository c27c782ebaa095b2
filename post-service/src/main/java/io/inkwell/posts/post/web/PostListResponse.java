package io.inkwell.posts.post.web;

import io.inkwell.posts.post.PostPage;
import java.util.List;

/**
 * A page of posts; {@code total}, how many match in all, only in a staff member's list of a state
 * (the admin's counts), never in the readers' list.
 */
record PostListResponse(List<PostResponse> items, String nextCursor, Long total) {

  static PostListResponse of(PostPage page) {
    return of(page, null);
  }

  static PostListResponse of(PostPage page, Long total) {
    return new PostListResponse(
        page.items().stream().map(PostResponse::of).toList(), page.nextCursor(), total);
  }
}
