package io.inkwell.notifications.mail;

import io.inkwell.notifications.site.SiteName;
import java.text.Bidi;
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

  static final char FIRST_STRONG_ISOLATE = '\u2068';
  static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

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

  /**
   * The words of a key, its arguments put in, each text of them {@linkplain #isolated isolated}: a
   * post's or a commenter's name in Arabic turns none of the sentence's words around it.
   */
  String of(String key, Object... arguments) {
    Object[] put = arguments.clone();
    for (int i = 0; i < put.length; i++) {
      if (put[i] instanceof String text) {
        put[i] = isolated(text);
      }
    }
    return messages.getMessage(key, put, locale());
  }

  /**
   * Text that may run right to left (a name, a title in Arabic or Hebrew) between the Unicode
   * isolates FSI and PDI, as the reader site puts it in {@code <bdi>}: it runs in its own direction
   * and turns nothing beside it around (the colon and quotes of "Please moderate:" around a Hebrew
   * title stay where the sentence has them), in a mail's subject, text and HTML alike; text that
   * runs left to right alone, as the mail's sentences do, as it is.
   */
  static String isolated(String text) {
    if (text == null || !Bidi.requiresBidi(text.toCharArray(), 0, text.length())) {
      return text;
    }
    return FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE;
  }
}
