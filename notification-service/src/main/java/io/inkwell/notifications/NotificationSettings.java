package io.inkwell.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notification-service.
 *
 * @param siteUrl the public address of the blog, for the links in mails
 * @param blogName the name mails are signed with
 * @param from the sender address of every mail
 * @param tokenSecret the HMAC key of confirmation and unsubscribe tokens; keep it secret
 * @param confirmationValidity how long a confirmation link works
 * @param maxAttempts attempts to send one mail before its delivery is marked failed
 */
@ConfigurationProperties("inkwell.notifications")
public record NotificationSettings(
    String siteUrl,
    @DefaultValue("Inkwell") String blogName,
    String from,
    String tokenSecret,
    @DefaultValue("24h") Duration confirmationValidity,
    @DefaultValue("5") int maxAttempts) {

  public NotificationSettings {
    if (tokenSecret == null || tokenSecret.length() < 32) {
      throw new IllegalArgumentException(
          "inkwell.notifications.token-secret must be set to at least 32 characters");
    }
    siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
  }
}
