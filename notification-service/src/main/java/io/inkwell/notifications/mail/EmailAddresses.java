package io.inkwell.notifications.mail;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses the blog takes for subscribers and commenters, and how it writes every address it
 * mails (staff's too, as auth-service keeps them). A mail server would refuse, or Jakarta Mail
 * could not even write, what is not here: an IP address in brackets, a domain with an underscore or
 * of one label, a quoted local part; so such an address is refused when it is typed or imported,
 * never stored to fail every mail later. An internationalised domain ({@code bücher.example}) is
 * kept in the ASCII form every mail server reads ({@code xn--bcher-kva.example}); a local part may
 * hold letters of any script, as SMTPUTF8 servers take, composed as RFC 6532 asks (NFC): {@code
 * josé} typed with its accent as a mark of its own is the {@code josé} it looks like.
 */
public final class EmailAddresses {

  /** RFC 5321's limit of a path. */
  public static final int LONGEST = 254;

  private static final int LONGEST_LOCAL_PART = 64;

  /** Dot-separated atoms of RFC 5322's atext, and letters and digits of any script. */
  private static final Pattern LOCAL_PART =
      Pattern.compile(
          "[\\w!#$%&'*+/=?^`{|}~-]+(\\.[\\w!#$%&'*+/=?^`{|}~-]+)*",
          Pattern.UNICODE_CHARACTER_CLASS);

  private static final Pattern TOP_LEVEL =
      Pattern.compile("[a-z][a-z0-9-]*[a-z0-9]|xn--[a-z0-9-]+");

  private EmailAddresses() {}

  /**
   * The address as the blog writes it: without surrounding space, composed, its domain in lower
   * case and in ASCII; empty when it is no address the blog can mail.
   */
  public static Optional<String> normalised(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String address = Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
    int at = address.lastIndexOf('@');
    if (address.length() > LONGEST || at < 1 || at > LONGEST_LOCAL_PART) {
      return Optional.empty();
    }
    String local = address.substring(0, at);
    if (!LOCAL_PART.matcher(local).matches()) {
      return Optional.empty();
    }
    String domain;
    try {
      domain = IDN.toASCII(address.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
    } catch (IllegalArgumentException notADomain) {
      return Optional.empty();
    }
    domain = domain.toLowerCase(Locale.ROOT);
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2
        || domain.length() > LONGEST - at - 1
        || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
      return Optional.empty();
    }
    for (String label : labels) {
      if (label.isEmpty() || label.length() > 63) {
        return Optional.empty();
      }
    }
    return Optional.of(local + "@" + domain);
  }
}
