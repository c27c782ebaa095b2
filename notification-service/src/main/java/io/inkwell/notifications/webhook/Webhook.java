package io.inkwell.notifications.webhook;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An address an admin asked to be told of one kind of change at, as Ghost's and WordPress's
 * webhooks are: a static site rebuilt when a post is published, a chat channel told of it.
 *
 * @param event what it is told of, one of {@link WebhookEvents#NAMES}
 * @param secret the key its calls are signed with, shown once, when it is added
 * @param lastCallAt when it was last called (null before that), and {@code lastResult} how it
 *     answered: the HTTP status, or why there was none
 */
@Document("webhooks")
public record Webhook(
    @Id String id,
    String name,
    String event,
    String targetUrl,
    String secret,
    String createdBy,
    Instant createdAt,
    Instant lastCallAt,
    String lastResult) {}
