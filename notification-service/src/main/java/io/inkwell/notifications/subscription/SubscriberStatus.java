package io.inkwell.notifications.subscription;

public enum SubscriberStatus {
  PENDING,
  CONFIRMED,
  UNSUBSCRIBED
}
