package io.inkwell.posts.post.web;

import io.inkwell.posts.post.MetaTags;
import io.inkwell.posts.post.Post;
import io.inkwell.posts.post.PostManagement.Draft;
import io.inkwell.posts.post.Slugs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A post as an author writes it, for creating and for replacing one. Only these fields bind: an
 * {@code id}, {@code status}, {@code author} or {@code version} in the request is ignored. The
 * body's size is checked by bytes in the service (413 above the limit). {@code page: true} makes it
 * a page (About, Contact), outside the lists, feeds and subscribers' mail. {@code coverImage} is
 * the address of one of the blog's pictures to head the post with ("" for none, left out: as it
 * was), {@code coverAlt} what it shows. {@code metaTitle}, {@code metaDescription} and {@code
 * canonicalUrl} describe it to search engines and shared links instead of its own title, excerpt
 * and address (left out: as they were; "": the post's own again). {@code publishedAt}, on a
 * replacement, changes a published post's date (the one it has, or left out: as it was); a new post
 * ignores it, and is dated when it is published.
 */
record CreatePostRequest(
    @NotBlank
        @Size(max = Post.LONGEST_TITLE)
        @Pattern(
            regexp = VISIBLE,
            message = "at least one letter, digit, punctuation mark or symbol")
        String title,
    @NotNull String body,
    @Size(max = Post.LONGEST_EXCERPT) String excerpt,
    @Size(max = Post.MOST_TAGS) List<@NotBlank @Size(max = Post.LONGEST_TAG) String> tags,
    @Size(max = 80)
        @Pattern(regexp = Slugs.PATTERN, message = "lower-case letters, digits and single hyphens")
        String slug,
    Boolean commentsOpen,
    Boolean page,
    @Size(max = 300) String coverImage,
    @Size(max = 300) String coverAlt,
    @Size(max = MetaTags.LONGEST_TITLE) String metaTitle,
    @Size(max = MetaTags.LONGEST_DESCRIPTION) String metaDescription,
    @Size(max = 2_000)
        @Pattern(
            regexp = MetaTags.CANONICAL_URL,
            message = "an absolute http or https address, or empty for the post's own")
        String canonicalUrl,
    @JsonDeserialize(using = DateTimeText.class) @CalendarDate @PastOrPresent Instant publishedAt) {

  /** Text with something to see in it: not only spaces and invisible characters. */
  static final String VISIBLE = "(?s).*[\\p{L}\\p{N}\\p{P}\\p{S}].*";

  Draft toDraft() {
    return new Draft(
        title,
        body,
        excerpt,
        tags,
        slug,
        commentsOpen,
        page,
        coverImage,
        coverAlt,
        metaTitle,
        metaDescription,
        canonicalUrl,
        publishedAt);
  }
}
