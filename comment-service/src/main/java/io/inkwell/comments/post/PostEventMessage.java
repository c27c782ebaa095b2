package io.inkwell.comments.post;

/**
 * The fields of a post event that comment-service reads; everything else in the event is ignored
 * (tolerant reader), so post-service may add fields freely.
 */
record PostEventMessage(
    String eventId, String type, Long version, String postId, String slug, String title) {}
