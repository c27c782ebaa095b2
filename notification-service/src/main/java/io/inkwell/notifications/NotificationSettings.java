package io.inkwell.notifications;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notification-service.
 *
 * @param siteUrl the public address of the blog, for the links in mails
 * @param blogName the name mails are signed with
 * @param from the sender address of every mail
 * @param replyTo where readers' answers to any mail go, when the sender's address is nobody's inbox
 *     (Ghost's "reply-to address"); blank: to the sender
 * @param tokenSecret the HMAC key of confirmation and unsubscribe tokens; keep it secret
 * @param confirmationValidity how long a confirmation link works
 * @param maxAttempts attempts to send one mail before its delivery is marked failed
 * @param confirmationsPerAddress confirmation mails one address gets per day at most
 * @param confirmationsPerClient subscription requests one client address may make per hour
 * @param sendRate post mails and digests sent per second at most, together, across one instance
 * @param batchSize post mails sent over one SMTP connection
 * @param sendInterval how often the sender looks for due deliveries when it has nothing to do
 * @param longestOutagePause the longest pause between tries while the mail server cannot be reached
 *     (the pause doubles from a second up to it): how soon after its return it is used
 * @param instanceId a name that stays the same across restarts of this instance, so that it takes
 *     up at start what it was sending when it stopped
 * @param welcomeMail whether a reader who confirms gets a welcome mail (Ghost's and Substack's)
 * @param timeZone the blog's zone, in which digests go out, until an admin sets one in Settings
 * @param digestHour the hour of the day daily and weekly digests go out at
 * @param digestDay the day weekly digests go out on
 */
@ConfigurationProperties("inkwell.notifications")
public record NotificationSettings(
    String siteUrl,
    @DefaultValue("Inkwell") String blogName,
    String from,
    @DefaultValue("") String replyTo,
    String tokenSecret,
    @DefaultValue("24h") Duration confirmationValidity,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("3") int confirmationsPerAddress,
    @DefaultValue("10") int confirmationsPerClient,
    @DefaultValue("50") int sendRate,
    @DefaultValue("50") int batchSize,
    @DefaultValue("500ms") Duration sendInterval,
    @DefaultValue("notification-service") String instanceId,
    @DefaultValue("true") boolean welcomeMail,
    @DefaultValue("UTC") ZoneId timeZone,
    @DefaultValue("8") int digestHour,
    @DefaultValue("MONDAY") DayOfWeek digestDay,
    @DefaultValue("1m") Duration longestOutagePause) {

  public NotificationSettings {
    if (tokenSecret == null || tokenSecret.length() < 32) {
      throw new IllegalArgumentException(
          "inkwell.notifications.token-secret must be set to at least 32 characters");
    }
    if (!replyTo.isBlank()) {
      try {
        new InternetAddress(replyTo, true);
      } catch (AddressException e) {
        throw new IllegalArgumentException(
            "inkwell.notifications.reply-to is no mail address: " + replyTo, e);
      }
    }
    if (digestHour < 0 || digestHour > 23) {
      throw new IllegalArgumentException("inkwell.notifications.digest-hour must be 0 to 23");
    }
    siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
  }
}
