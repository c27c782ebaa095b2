package io.inkwell.notifications.subscription;

import java.time.Duration;

/** A client asked for more mails than it may; it may try again after a while. */
public class TooManyRequests extends RuntimeException {

  private final Duration retryAfter;

  public TooManyRequests(Duration retryAfter) {
    this(retryAfter, "Too many subscription requests from your address; try again later.");
  }

  public TooManyRequests(Duration retryAfter, String message) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
