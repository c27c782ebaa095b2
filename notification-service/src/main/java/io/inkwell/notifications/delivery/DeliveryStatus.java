package io.inkwell.notifications.delivery;

public enum DeliveryStatus {
  PENDING,
  SENDING,
  SENT,
  FAILED,
  /** The subscriber left before the mail went out. */
  SKIPPED
}
