package io.inkwell.posts.post.web;

import io.inkwell.posts.post.Author;
import io.inkwell.posts.post.Post;
import io.inkwell.posts.post.PostStatus;
import java.time.Instant;
import java.util.List;

record PostResponse(
    String id,
    String slug,
    String title,
    String excerpt,
    String bodyMarkdown,
    String bodyHtml,
    List<String> tags,
    Author author,
    PostStatus status,
    Instant createdAt,
    Instant publishedAt,
    Instant updatedAt,
    long version) {

  static PostResponse of(Post post) {
    return new PostResponse(
        post.id(),
        post.slug(),
        post.title(),
        post.excerpt(),
        post.bodyMarkdown(),
        post.bodyHtml(),
        post.tags(),
        post.author(),
        post.status(),
        post.createdAt(),
        post.publishedAt(),
        post.updatedAt(),
        post.version() == null ? 0 : post.version());
  }

  String etag() {
    return "\"" + id + "-" + version + "\"";
  }
}
