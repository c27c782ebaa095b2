package io.inkwell.notifications.delivery;

import java.time.Instant;

/** The fields of a post event this service reads; others are ignored (tolerant reader). */
record PostEventMessage(
    String eventId,
    String type,
    String postId,
    String slug,
    String title,
    String excerpt,
    Instant occurredAt) {}
