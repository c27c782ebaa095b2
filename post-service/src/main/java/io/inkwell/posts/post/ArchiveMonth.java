package io.inkwell.posts.post;

/** A month of the blog's archive (Blogger's "Blog Archive"): how many posts it published. */
public record ArchiveMonth(int year, int month, long count) {}
