package io.inkwell.notifications.mail;

import io.inkwell.notifications.site.SiteName;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of subscribers' and commenters' mails in the blog's language, as its reader site says
 * them: {@code i18n/mails_<language>.properties} where the language has them, English ({@code
 * i18n/mails.properties}) where it has not. Staff mails (comments to moderate, invitations,
 * reviews, password resets) stay English, as the admin does.
 */
@Component
class MailWords {

  private final MessageSource messages;
  private final SiteName siteName;

  MailWords(MessageSource messages, SiteName siteName) {
    this.messages = messages;
    this.siteName = siteName;
  }

  /** The language the mails are written in: the blog's. */
  Locale locale() {
    return Locale.forLanguageTag(siteName.writing().language());
  }

  /** The words of a key, its arguments put in. */
  String of(String key, Object... arguments) {
    return messages.getMessage(key, arguments, locale());
  }
}
