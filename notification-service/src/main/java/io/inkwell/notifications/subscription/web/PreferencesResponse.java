package io.inkwell.notifications.subscription.web;

import io.inkwell.notifications.subscription.Subscriber;
import io.inkwell.notifications.subscription.SubscriberStatus;
import java.util.List;

/** Only the subscriber's own data, and only to the holder of their link. */
record PreferencesResponse(
    String email, SubscriberStatus status, List<String> tags, boolean paused) {

  static PreferencesResponse of(Subscriber subscriber) {
    return new PreferencesResponse(
        subscriber.email(), subscriber.status(), subscriber.tags(), subscriber.paused());
  }
}
