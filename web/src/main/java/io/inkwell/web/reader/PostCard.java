package io.inkwell.web.reader;

import io.inkwell.web.api.Post;

/**
 * A post in a list, with its count of approved comments ("No comments", "1 comment", "12 comments",
 * as Blogger says it, in the blog's language: {@code post.comments}), null while it cannot be
 * known.
 */
public record PostCard(Post post, Long comments) {}
