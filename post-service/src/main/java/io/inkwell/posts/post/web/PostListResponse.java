package io.inkwell.posts.post.web;

import io.inkwell.posts.post.PostPage;
import io.inkwell.posts.post.SearchMatch;
import java.util.List;
import java.util.Map;

/**
 * A page of posts; {@code total}, how many match in all, only in a staff member's list of a state
 * (the admin's counts), never in the readers' list.
 */
record PostListResponse(List<PostResponse> items, String nextCursor, Long total) {

  /**
   * The page, each post with its tags' names ({@code names}, by tag, those with one of their own),
   * and with where the words stand in its text and title when a search ({@code q}) found them.
   */
  static PostListResponse of(PostPage page, Map<String, String> names, String q, Long total) {
    return new PostListResponse(
        page.items().stream()
            .map(
                post ->
                    PostResponse.of(
                        post,
                        names,
                        SearchMatch.in(post, q).orElse(null),
                        SearchMatch.inTitle(post, q).orElse(null)))
            .toList(),
        page.nextCursor(),
        total);
  }
}
