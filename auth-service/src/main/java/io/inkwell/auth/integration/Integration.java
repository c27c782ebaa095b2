package io.inkwell.auth.integration;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A program that calls the API on the blog's behalf (like Ghost's Admin API keys): a
 * client-credentials client whose secret is kept only as a hash.
 */
@Document("integrations")
public record Integration(@Id String clientId, String name, String secretHash, Instant createdAt) {}
