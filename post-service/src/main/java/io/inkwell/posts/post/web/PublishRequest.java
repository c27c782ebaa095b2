package io.inkwell.posts.post.web;

import java.time.Instant;

/** {@code publishAt} in the future schedules; no body, or a time that has come, publishes now. */
record PublishRequest(Instant publishAt) {}
