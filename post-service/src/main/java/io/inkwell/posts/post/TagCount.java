package io.inkwell.posts.post;

/** A tag and how many published posts carry it. */
public record TagCount(String tag, long count) {}
