package io.inkwell.notifications.subscription;

public enum SubscriberStatus {
  PENDING,
  CONFIRMED,
  UNSUBSCRIBED,
  /** The address's mail server refused mail for good (a 5xx answer): it is not mailed again. */
  BOUNCING
}
