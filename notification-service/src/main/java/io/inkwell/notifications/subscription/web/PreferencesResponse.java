package io.inkwell.notifications.subscription.web;

import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.subscription.Frequency;
import io.inkwell.notifications.subscription.Subscriber;
import io.inkwell.notifications.subscription.SubscriberStatus;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Only the subscriber's own data, and only to the holder of their link; with when digests go out,
 * for the page that offers them.
 */
record PreferencesResponse(
    String email,
    SubscriberStatus status,
    List<String> tags,
    boolean paused,
    Frequency frequency,
    Digests digests) {

  /**
   * @param time the hour digests go out at, "08:00", in {@code zone}
   * @param day the day weekly ones do
   */
  record Digests(String time, DayOfWeek day, ZoneId zone) {}

  static PreferencesResponse of(Subscriber subscriber, NotificationSettings settings, ZoneId zone) {
    return new PreferencesResponse(
        subscriber.email(),
        subscriber.status(),
        subscriber.tags(),
        subscriber.paused(),
        subscriber.frequency(),
        new Digests(LocalTime.of(settings.digestHour(), 0).toString(), settings.digestDay(), zone));
  }
}
