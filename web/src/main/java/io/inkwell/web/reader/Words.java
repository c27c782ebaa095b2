package io.inkwell.web.reader;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The reader site in the blog's language, as Ghost's, WordPress's and Blogger's themes speak the
 * site's language: the words of {@code i18n/reader_<language>.properties} where the language has
 * them, English ({@code i18n/reader.properties}) where it has not. The language is the blog's (its
 * site settings), not the reader's browser's: a blog in German reads German to everyone, as its
 * posts do. Templates ask with {@code #{key}} (this is the application's locale resolver), code
 * with {@link #of}.
 */
@Component("localeResolver")
public class Words implements LocaleResolver {

  private final MessageSource messages;
  private final Site site;

  Words(MessageSource messages, Site site) {
    this.messages = messages;
    this.site = site;
  }

  /** The words of a key in the blog's language, its arguments put in. */
  public String of(String key, Object... arguments) {
    return messages.getMessage(key, arguments, site.locale());
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return site.locale();
  }

  /**
   * Refused, as Spring's own {@code AcceptHeaderLocaleResolver} refuses it: the language is the
   * blog's, changed by an admin in the site settings, never per request (no locale-changing
   * interceptor is registered, so nothing calls this).
   */
  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException("The blog's language is set in its site settings");
  }
}
