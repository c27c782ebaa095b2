package io.inkwell.posts.post;

/**
 * The published posts either side of one, by publication time (Blogger's "Newer Post" and "Older
 * Post"); {@code null} at either end.
 */
public record Neighbours(Post newer, Post older) {}
