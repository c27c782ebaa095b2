package io.inkwell.posts.post.web;

import io.inkwell.posts.post.Post;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the editor's live preview sends: the body, and the excerpt the author wrote. The rest of a
 * draft ({@code title}, {@code tags}, …) may come along and is ignored, so that an author who
 * writes the body before the title, or is half-way through a slug, sees their words rendered.
 */
record PreviewRequest(
    @NotNull(message = CreatePostRequest.REQUIRED) String body,
    @Size(max = Post.LONGEST_EXCERPT, message = CreatePostRequest.CHARACTERS) String excerpt) {}
