package io.inkwell.posts.post.web;

import io.inkwell.posts.post.PostPage;
import java.util.List;

record PostListResponse(List<PostResponse> items, String nextCursor) {

  static PostListResponse of(PostPage page) {
    return new PostListResponse(
        page.items().stream().map(PostResponse::of).toList(), page.nextCursor());
  }
}
