package io.inkwell.notifications.mail;

import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.site.SiteName;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every mail of the blog is made of: the sender under the blog's name, the page its HTML is
 * laid out in, the masthead and buttons of readers' mails, and the unsubscribe headers.
 */
@Component
class MailComposer {

  /** How high a mail shows the blog's logo, in CSS pixels. */
  private static final int LOGO_HEIGHT = 48;

  private final JavaMailSenderImpl sender;
  private final NotificationSettings settings;
  private final SiteName siteName;
  private final MailWords words;

  MailComposer(
      JavaMailSenderImpl sender,
      NotificationSettings settings,
      SiteName siteName,
      MailWords words) {
    this.sender = sender;
    this.settings = settings;
    this.siteName = siteName;
    this.words = words;
  }

  /** Sends one mail now, on a connection of its own. */
  void send(MimeMessage message) {
    sender.send(message);
  }

  /**
   * The blog's logo atop a subscriber's mail (confirmation, welcome, post, digest), named as the
   * blog, or else its icon and name, linked to the blog (Ghost's newsletter header); nothing when
   * an admin gave the blog neither.
   */
  String masthead(String blog) {
    SiteName.Logo logo = siteName.logo();
    if (logo != null) {
      return """
          <p><a href="%s"><img src="%s" alt="%s" width="%d" height="%d" style="border:0"></a></p>
          """
          .formatted(
              escape(settings.siteUrl()),
              escape(logo.url()),
              escape(blog),
              Math.round((float) LOGO_HEIGHT * logo.width() / logo.height()),
              LOGO_HEIGHT);
    }
    String icon = siteName.icon();
    return icon == null
        ? ""
        : """
          <p><a href="%s" style="color:inherit;text-decoration:none"><img src="%s" alt="" width="48"
          height="48" style="border:0;border-radius:8px;vertical-align:middle"> <strong>%s</strong></a></p>
          """
            .formatted(escape(settings.siteUrl()), escape(icon), escape(blog));
  }

  /**
   * A mail in both text and HTML (the HTML as a {@linkplain #page page}), from the configured
   * address under the blog's name, with our own Message-ID when one is given.
   *
   * @param unsubscribe the one-click address of RFC 8058, or null for a mail with no list to leave
   * @param language the language of the mail's own words
   */
  MimeMessage compose(
      String blog,
      String messageId,
      String to,
      String subject,
      String text,
      String html,
      String unsubscribe,
      String language) {
    try {
      MimeMessage message = new FixedIdMimeMessage(sender.getSession(), messageId);
      var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(sender(blog));
      if (!settings.replyTo().isBlank()) {
        helper.setReplyTo(new InternetAddress(settings.replyTo(), true));
      }
      // a domain of letters beyond ASCII (a staff member's bücher.example) as the A-labels every
      // server routes; Jakarta Mail would send "ü" as one Latin-1 byte, which no server reads
      helper.setTo(EmailAddresses.normalised(to).orElse(to));
      helper.setSubject(subject);
      helper.setText(text, page(language, subject, html));
      if (unsubscribe != null) {
        // RFC 2369 and RFC 8058: mail clients offer a one-click unsubscribe that POSTs here, or
        // else send a mail whose subject carries the link's token (UnsubscribeMailbox).
        String token =
            UriComponentsBuilder.fromUriString(unsubscribe)
                .build()
                .getQueryParams()
                .getFirst("token");
        message.setHeader(
            "List-Unsubscribe",
            "<"
                + unsubscribe
                + ">, <mailto:"
                + new InternetAddress(settings.from(), true).getAddress()
                + "?subject=unsubscribe%20"
                + token
                + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      }
      return message;
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
  }

  /**
   * A mail's HTML as a page mail clients show well: one column of at most 600 pixels (the width its
   * pictures are made for) on a quiet background, in a readable serif with generous lines, links in
   * the blog's accent colour, as Ghost's newsletters look. The column is a table, as Outlook lays
   * out nothing else; the styles are on the elements too, as some clients drop a {@code <style>}.
   */
  private String page(String language, String subject, String content) {
    String accent = siteName.accent() == null ? "#1a56a8" : siteName.accent();
    return """
        <!DOCTYPE html>
        <html lang="%s"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s</title>
        <style>
        a { color: %s; }
        h1 { font-size: 30px; line-height: 1.25; margin: 0 0 16px; }
        h2 { font-size: 24px; line-height: 1.3; }
        h3 { font-size: 20px; line-height: 1.35; }
        img { max-width: 100%%; height: auto; }
        blockquote { margin: 0 0 16px; padding-left: 16px; border-left: 3px solid #d0d0cc; color: #4a4a4a; }
        pre { white-space: pre-wrap; background: #f4f4f2; padding: 12px; font-size: 14px; }
        code { font-size: 15px; }
        hr { border: 0; border-top: 1px solid #e2e2de; margin: 28px 0; }
        small { color: #6b6b6b; font-size: 13px; line-height: 1.5; }
        .column > :first-child, .column > div:first-child > :first-child { margin-top: 0; }
        @media (max-width: 480px) { .outer { padding: 8px 4px !important; } .column { padding: 24px 16px !important; } }
        </style></head>
        <body style="margin:0;padding:0;background:#f4f4f2">
        <table role="presentation" width="100%%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f2">
        <tr><td class="outer" align="center" style="padding:24px 12px">
        <table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%%;max-width:600px;background:#ffffff;border-radius:8px">
        <tr><td class="column" style="padding:32px 28px;font-family:Georgia,'Times New Roman',serif;font-size:18px;line-height:1.6;color:#1d1d1b">
        %s
        </td></tr></table>
        </td></tr></table>
        </body></html>
        """
        .formatted(escape(language), escape(subject), accent, content);
  }

  /**
   * The language of the words of readers' mails: the blog's where MailWords has it, else English,
   * whichever the words came out in (a post's own part says its language itself).
   */
  String readersLanguage() {
    return words.of("mail.language");
  }

  /** The configured address, shown under the blog's name unless it names a sender itself. */
  private InternetAddress sender(String blog) throws AddressException {
    var from = new InternetAddress(settings.from(), true);
    if (from.getPersonal() == null) {
      try {
        from.setPersonal(blog, StandardCharsets.UTF_8.name());
      } catch (UnsupportedEncodingException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
    return from;
  }

  /**
   * A reader's way from the mail to the post: a button in the blog's accent colour, as Ghost's
   * newsletters draw it, its words white or black, whichever reads better on it (at least WCAG's
   * 4.5:1 on any colour); a plain link while the blog has no accent colour.
   */
  String readOn(String url, String words) {
    String accent = siteName.accent();
    if (accent == null) {
      return link(url, words);
    }
    int rgb = Integer.parseInt(accent.substring(1), 16);
    // contrast with white (luminance 1) against contrast with black (luminance 0)
    double luminance = luminance(rgb);
    String text = 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? "#ffffff" : "#000000";
    return "<a href=\""
        + escape(url)
        + "\" style=\"display:inline-block;padding:10px 18px;border-radius:6px;"
        + "text-decoration:none;font-weight:bold;background:"
        + accent
        + ";color:"
        + text
        + "\">"
        + escape(words)
        + "</a>";
  }

  /** WCAG 2's relative luminance of an sRGB colour, 0 (black) to 1 (white). */
  private static double luminance(int rgb) {
    double[] channels = new double[3];
    for (int i = 0; i < 3; i++) {
      double c = ((rgb >> (16 - 8 * i)) & 0xff) / 255.0;
      channels[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  }

  /** A link whose address and words are text, not markup. */
  static String link(String url, String words) {
    return "<a href=\"" + escape(url) + "\">" + escape(words) + "</a>";
  }

  static String escape(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text);
  }

  /** A message whose Message-ID is ours, not one Jakarta Mail makes up when it is sent. */
  private static final class FixedIdMimeMessage extends MimeMessage {

    private final String messageId;

    FixedIdMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      if (messageId == null) {
        super.updateMessageID();
      } else {
        setHeader("Message-ID", messageId);
      }
    }
  }
}
