package io.inkwell.posts.post.web;

import io.inkwell.posts.post.EpisodeTags;
import io.inkwell.posts.post.MetaTags;
import io.inkwell.posts.post.Post;
import io.inkwell.posts.post.PostManagement.Draft;
import io.inkwell.posts.post.Slugs;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * and address (left out: as they were; "": the post's own again). {@code seasonNumber}, {@code
 * episodeNumber} and {@code episodeType} ({@code full}, {@code trailer} or {@code bonus}) are what
 * podcast directories show of its episode (left out: as they were; 0 or "": none, a whole episode).
 * {@code publishedAt}, on a replacement, changes a published post's date (the one it has, or left
 * out: as it was); a new post ignores it, and is dated when it is published.
 */
record CreatePostRequest(
    @NotBlank(message = REQUIRED)
        @Size(max = Post.LONGEST_TITLE, message = CHARACTERS)
        @Pattern(regexp = VISIBLE, message = SOMETHING_TO_SEE)
        String title,
    @NotNull(message = REQUIRED) String body,
    @Size(max = Post.LONGEST_EXCERPT, message = CHARACTERS) String excerpt,
    @Size(max = Post.MOST_TAGS, message = "at most {max} tags")
        List<
                @NotBlank(message = "a tag must not be empty")
                @Size(max = Post.LONGEST_TAG, message = "a tag of at most {max} characters") String>
            tags,
    @Size(max = 80, message = CHARACTERS)
        @Pattern(regexp = Slugs.PATTERN, message = "lower-case letters, digits and single hyphens")
        String slug,
    Boolean commentsOpen,
    Boolean page,
    @Size(max = 300, message = CHARACTERS) String coverImage,
    @Size(max = 300, message = CHARACTERS) String coverAlt,
    @Size(max = MetaTags.LONGEST_TITLE, message = CHARACTERS) String metaTitle,
    @Size(max = MetaTags.LONGEST_DESCRIPTION, message = CHARACTERS) String metaDescription,
    @Size(max = 2_000, message = CHARACTERS)
        @Pattern(
            regexp = MetaTags.CANONICAL_URL,
            message = "an absolute http or https address, or empty for the post's own")
        String canonicalUrl,
    @Min(value = 0, message = NUMBER) @Max(value = EpisodeTags.HIGHEST, message = NUMBER)
        Integer seasonNumber,
    @Min(value = 0, message = NUMBER) @Max(value = EpisodeTags.HIGHEST, message = NUMBER)
        Integer episodeNumber,
    @Pattern(regexp = EpisodeTags.TYPES, message = "full, trailer or bonus") String episodeType,
    @JsonDeserialize(using = DateTimeText.class) @CalendarDate @PastOrPresent Instant publishedAt) {

  /** What an author is told of a field left empty or too long (the editor shows it by the name). */
  static final String REQUIRED = "must not be empty";

  static final String CHARACTERS = "at most {max} characters";

  static final String NUMBER = "a number from 1 to " + EpisodeTags.HIGHEST + ", or 0 for none";

  static final String SOMETHING_TO_SEE = "at least one letter, digit, punctuation mark or symbol";

  /**
   * Text with something to see in it: not only invisible characters. Empty or only spaces passes,
   * as {@code @NotBlank} says so, once.
   */
  static final String VISIBLE = "(?s)\\s*|.*[\\p{L}\\p{N}\\p{P}\\p{S}].*";

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
        seasonNumber,
        episodeNumber,
        episodeType,
        publishedAt);
  }
}
