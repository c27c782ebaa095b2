package io.inkwell.posts.post.web;

import io.inkwell.posts.post.PostManagement.NewPost;
import io.inkwell.posts.post.Slugs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

record CreatePostRequest(
    @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 200_000) String body,
    @Size(max = 1_000) String excerpt,
    @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
    @Size(max = 80)
        @Pattern(regexp = Slugs.PATTERN, message = "lower-case letters, digits and single hyphens")
        String slug) {

  NewPost toNewPost() {
    return new NewPost(title, body, excerpt, tags, slug);
  }
}
