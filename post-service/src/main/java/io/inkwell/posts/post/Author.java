package io.inkwell.posts.post;

/** The byline of a post. */
public record Author(String id, String name) {}
