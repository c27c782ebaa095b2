package io.inkwell.posts.post;

import java.util.List;

/** One page of a list, and the cursor of the next one ({@code null} on the last page). */
public record PostPage(List<Post> items, String nextCursor) {}
