package io.inkwell.notifications.mail;

import static io.inkwell.notifications.mail.MailComposer.escape;
import static io.inkwell.notifications.mail.MailComposer.link;

import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.site.SiteName;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Composes and sends the mails readers get: the confirmation and welcome of a subscription, each
 * post (or a digest of them) to its subscribers, and a reply to a commenter who asked for it.
 */
@Component
public class ReaderMails {

  private final JavaMailSenderImpl sender;
  private final NotificationSettings settings;
  private final SiteName siteName;
  private final MailWords words;
  private final MailComposer composer;

  ReaderMails(
      JavaMailSenderImpl sender,
      NotificationSettings settings,
      SiteName siteName,
      MailWords words,
      MailComposer composer) {
    this.sender = sender;
    this.settings = settings;
    this.siteName = siteName;
    this.words = words;
    this.composer = composer;
  }

  /**
   * A post to announce, as the mail needs it.
   *
   * @param cover the picture at its head, or null
   * @param unsubscribeToken the subscriber's; null for a staff member's test, which then has none
   *     of a subscriber's links
   * @param bodyHtml the whole post, as post-service rendered it; null to send the excerpt and a
   *     link
   */
  public record PostMail(
      String messageId,
      String to,
      String title,
      String excerpt,
      String postUrl,
      String unsubscribeToken,
      String manageToken,
      Picture cover,
      String bodyHtml,
      Byline byline) {}

  /**
   * Who wrote a post and when it was published, under its title in the mail (Ghost's newsletter
   * byline); either may be null.
   */
  public record Byline(String author, Instant publishedAt) {}

  /** A picture a mail shows, at an absolute address, in the size it is shown at. */
  public record Picture(String url, String alt, int width, int height) {

    /** The column a mail's pictures are shown in, in CSS pixels. */
    private static final int COLUMN = 600;

    /** The widest copy a mail asks for: twice the column, for sharp screens. */
    private static final int COPY = 1000;

    /**
     * A post's cover as a mail shows it: a copy at most {@value #COPY} pixels wide (a narrower
     * picture is sent whole), at the column's width; null when there is none.
     *
     * @param path the picture's address on the blog, relative to it
     */
    public static Picture ofCover(String siteUrl, String path, String alt, int width, int height) {
      if (path == null || width <= 0 || height <= 0) {
        return null;
      }
      int shown = Math.min(width, COLUMN);
      return new Picture(
          siteUrl + path + "?w=" + COPY,
          alt == null ? "" : alt,
          shown,
          (int) Math.round((double) height * shown / width));
    }
  }

  /**
   * The tokens of the links of a comment mail: one stops the mails about its post (and is its
   * one-click {@code List-Unsubscribe}), the other those about every post of the blog.
   */
  public record Stops(String post, String everyPost) {}

  /**
   * Tells a commenter that someone replied; never carries anyone else's address. With {@code
   * stops}, the mail has a link, and a one-click {@code List-Unsubscribe}, that stops comment mails
   * about this post, and a link that stops them about every post.
   */
  public void sendReply(CommentMail mail, Stops stops) {
    sendAboutComment("reply", mail, stops);
  }

  /**
   * A new comment on a post whose comments the reader follows (Blogger's "Notify me"), with the
   * same links as a reply mail's to hear no more about the post, or about any post.
   */
  public void sendFollowUp(CommentMail mail, Stops stops) {
    sendAboutComment("followup", mail, stops);
  }

  /** A mail to a commenter about a new comment, in the words of {@code kind}. */
  private void sendAboutComment(String kind, CommentMail mail, Stops stops) {
    String blog = siteName.current();
    String subject = words.of(kind + ".subject", mail.commenterName(), mail.postTitle());
    String stop =
        stops == null ? null : settings.siteUrl() + "/subscriptions/replies?token=" + stops.post();
    String never =
        stops == null
            ? null
            : settings.siteUrl() + "/subscriptions/comments/never?token=" + stops.everyPost();
    String oneClick =
        stops == null
            ? null
            : settings.siteUrl() + "/api/subscriptions/replies/stop?token=" + stops.post();
    String text =
        """
        %s

        %s

        %s: %s

        --
        %s
        """
                .formatted(
                    words.of(kind + ".intro", mail.commenterName(), "\"" + mail.postTitle() + "\""),
                    mail.excerpt(),
                    words.of(kind + ".read"),
                    mail.postUrl(),
                    words.of(kind + ".why", blog))
            + (stop == null
                ? ""
                : words.of(kind + ".stop")
                    + ": "
                    + stop
                    + "\n"
                    + words.of("comments.never", blog)
                    + ": "
                    + never
                    + "\n");
    String html =
        """
        <p>%s</p>
        <blockquote dir="auto">%s</blockquote>
        <p>%s</p>
        <hr>
        <p><small>%s%s</small></p>
        """
            .formatted(
                words.of(
                    kind + ".intro",
                    escape(mail.commenterName()),
                    link(mail.postUrl(), mail.postTitle())),
                escape(mail.excerpt()),
                link(mail.postUrl(), words.of(kind + ".read")),
                escape(words.of(kind + ".why", blog)),
                stop == null
                    ? ""
                    : " "
                        + link(stop, words.of(kind + ".stop"))
                        + " · "
                        + link(never, words.of("comments.never", blog))
                        + ".");
    composer.send(
        composer.compose(
            blog,
            mail.messageId(),
            mail.to(),
            subject,
            text,
            html,
            oneClick,
            composer.readersLanguage()));
  }

  /**
   * Asks a commenter to confirm that they want a mail about each new comment on the post, or about
   * each reply to their comments there (Jetpack's confirmation of comment subscriptions); its link
   * opens a page whose button confirms. Someone who did not ask has a second link, and the mail's
   * one-click {@code List-Unsubscribe}, that stops every comment mail of the blog to the address.
   */
  public void sendCommentMailsConfirmation(
      CommentMail mail, boolean everyComment, String confirmToken, String neverToken) {
    String blog = siteName.current();
    String asked = everyComment ? "follow" : "replies";
    sendAsking(
        new Asking(
            mail.messageId(),
            mail.to(),
            words.of(asked + ".subject", mail.postTitle()),
            words.of(asked + ".ask", "\"" + mail.postTitle() + "\"", blog),
            words.of(asked + ".ask", link(mail.postUrl(), mail.postTitle()), escape(blog)),
            settings.siteUrl() + "/subscriptions/comments?token=" + confirmToken,
            words.of("follow.button"),
            new Refusal(
                words.of("follow.never", blog),
                settings.siteUrl() + "/subscriptions/comments/never?token=" + neverToken,
                settings.siteUrl() + "/api/subscriptions/replies/stop?token=" + neverToken)),
        blog);
  }

  /**
   * The double opt-in mail; its link opens a page whose button confirms. Someone who did not ask
   * has a second link, and the mail's one-click {@code List-Unsubscribe}, that keeps the blog from
   * ever asking the address again.
   */
  public void sendConfirmation(String to, String confirmToken, String refuseToken) {
    String blog = siteName.current();
    sendAsking(
        new Asking(
            null,
            to,
            words.of("confirm.subject", blog),
            words.of("confirm.ask", blog),
            escape(words.of("confirm.ask", blog)),
            settings.siteUrl() + "/subscriptions/confirm?token=" + confirmToken,
            words.of("confirm.button"),
            new Refusal(
                words.of("confirm.never", blog),
                settings.siteUrl() + "/subscriptions/never?token=" + refuseToken,
                settings.siteUrl() + "/api/subscriptions/never?token=" + refuseToken)),
        blog);
  }

  /**
   * A mail that asks its reader to confirm what someone asked with their address.
   *
   * @param messageId null for a new one each time
   * @param askHtml the question as HTML, its words escaped
   * @param link the web client's page, whose button confirms (a link scanner's GET confirms
   *     nothing)
   * @param refusal how someone who did not ask says never again
   */
  private record Asking(
      String messageId,
      String to,
      String subject,
      String ask,
      String askHtml,
      String link,
      String button,
      Refusal refusal) {}

  /**
   * A link for whoever did not ask: its words, the web client's page with a button, and the address
   * of its one-click {@code List-Unsubscribe}.
   */
  private record Refusal(String words, String link, String oneClick) {}

  private void sendAsking(Asking asking, String blog) {
    String text =
        """
        %s

        %s

        %s
        """
                .formatted(asking.ask(), asking.link(), words.of("confirm.ignore"))
            + "\n"
            + asking.refusal().words()
            + ": "
            + asking.refusal().link()
            + "\n";
    String html =
        composer.masthead(blog)
            + """
        <p>%s</p>
        <p>%s</p>
        <p>%s</p>
        """
                .formatted(
                    asking.askHtml(),
                    link(asking.link(), asking.button()),
                    escape(words.of("confirm.ignore")))
            + "<p><small>"
            + link(asking.refusal().link(), asking.refusal().words())
            + "</small></p>\n";
    composer.send(
        composer.compose(
            blog,
            asking.messageId(),
            asking.to(),
            asking.subject(),
            text,
            html,
            asking.refusal().oneClick(),
            composer.readersLanguage()));
  }

  /**
   * The welcome a reader gets once they confirmed (Ghost's and Substack's): what comes now, and how
   * to change it, with the same links and one-click unsubscribe as every post's mail.
   *
   * @param messageId the same for every try of one subscriber's welcome
   * @param tags the tags they chose, as readers are shown them ("WPC"); empty for every post
   * @param cadence how the posts come
   */
  public record WelcomeMail(
      String messageId,
      String to,
      List<String> tags,
      Cadence cadence,
      String manageToken,
      String unsubscribeToken) {}

  /**
   * How a subscriber's posts come: "whole, as it is published", "in one mail a day, at 08:00
   * (UTC)", "in one mail a week, on Mondays at 08:00 (UTC)".
   *
   * @param frequency {@code INSTANTLY}, {@code DAILY} or {@code WEEKLY}
   * @param at the hour digests go out, in {@code zone}
   * @param day the day weekly digests go out
   */
  public record Cadence(String frequency, LocalTime at, DayOfWeek day, ZoneId zone) {}

  public void sendWelcome(WelcomeMail mail) {
    String blog = siteName.current();
    var links = links(mail.unsubscribeToken(), mail.manageToken());
    String which =
        mail.tags().isEmpty()
            ? words.of("welcome.everyPost")
            : words.of("welcome.taggedPosts", String.join(", ", mail.tags()));
    Cadence cadence = mail.cadence();
    String what =
        words.of(
            "welcome.what",
            blog,
            which,
            words.of(
                "welcome." + cadence.frequency(),
                cadence.at().toString(),
                cadence.zone().getId(),
                cadence.day().getDisplayName(TextStyle.FULL, words.locale())));
    String text =
        """
        %s

        %s: %s

        %s: %s
        %s: %s
        """
            .formatted(
                what,
                words.of("welcome.read"),
                settings.siteUrl() + "/",
                words.of("mail.chooseOrPause"),
                links.manage(),
                words.of("mail.unsubscribe"),
                links.unsubscribe());
    String html =
        composer.masthead(blog)
            + """
        <p>%s</p>
        <p>%s</p>
        <hr>
        <p><small>%s ·
        %s</small></p>
        """
                .formatted(
                    escape(what),
                    link(settings.siteUrl() + "/", words.of("welcome.read")),
                    link(links.manage(), words.of("mail.chooseOrPause")),
                    link(links.unsubscribe(), words.of("mail.unsubscribeLink")));
    composer.send(
        composer.compose(
            blog,
            mail.messageId(),
            mail.to(),
            words.of("welcome.subject", blog),
            text,
            html,
            links.oneClick(),
            composer.readersLanguage()));
  }

  /**
   * A published post, ready to send. The Message-ID is derived from the post and the subscriber, so
   * a message sent again after a crash is recognisably the same message.
   */
  public MimeMessage preparePost(PostMail mail) {
    String blog = siteName.current();
    // a test (no subscriber, no tokens) says where a subscriber's links will be instead
    boolean test = mail.unsubscribeToken() == null;
    var links = links(mail.unsubscribeToken(), mail.manageToken());
    String unsubscribe = links.unsubscribe();
    String oneClick = test ? null : links.oneClick();
    String manage = links.manage();
    // the whole post, as Ghost's newsletters send it; a very long one as its excerpt and a link
    PostBody body =
        mail.bodyHtml() == null
            ? null
            : PostBody.of(mail.bodyHtml(), settings.siteUrl(), kind -> words.of("callout." + kind));
    String footerText =
        test
            ? words.of("post.test")
            : """
              %s
              %s: %s
              %s: %s
              """
                .formatted(
                    words.of("mail.why", blog),
                    words.of("post.chooseOrPause"),
                    manage,
                    words.of("mail.unsubscribe"),
                    unsubscribe);
    String byline = byline(mail.byline());
    String text =
        """
        %s
        %s
        %s

        %s: %s

        --
        %s"""
            .formatted(
                mail.title(),
                byline == null ? "" : byline + "\n",
                body == null ? mail.excerpt() : body.text(),
                words.of(body == null ? "mail.readIt" : "post.readWithComments"),
                mail.postUrl(),
                footerText);
    String cover = coverHtml(mail.cover(), mail.postUrl());
    SiteName.Writing writing = siteName.writing();
    String footerHtml =
        test
            ? "<p><small>" + escape(words.of("post.test")) + "</small></p>"
            : """
              <p><small>%s
              %s %s %s.</small></p>
              """
                .formatted(
                    escape(words.of("mail.why", blog)),
                    link(manage, words.of("post.choose")),
                    escape(words.of("mail.or")),
                    link(unsubscribe, words.of("mail.unsubscribeLink")));
    // the post in its own language and direction (an Arabic blog's mail reads right to left);
    // the mail's own words around it are the language's where MailWords has them, else English
    String html =
        composer.masthead(blog)
            + """
        <div lang="%s" dir="%s">
        %s<h1>%s</h1>
        %s%s
        </div>
        <p>%s</p>
        <hr>
        """
                .formatted(
                    writing.language(),
                    writing.direction(),
                    cover,
                    escape(mail.title()),
                    byline == null
                        ? ""
                        : "<p style=\"margin:-8px 0 24px;font-size:15px;color:#6b6b6b\">"
                            + escape(byline)
                            + "</p>\n",
                    body == null ? "<p>" + escape(mail.excerpt()) + "</p>" : body.html(),
                    composer.readOn(mail.postUrl(), words.of("mail.readOn", blog)))
            + footerHtml;
    return composer.compose(
        blog,
        mail.messageId(),
        mail.to(),
        mail.title(),
        text,
        html,
        oneClick,
        composer.readersLanguage());
  }

  /**
   * "By Ada · 18 July 2009": the author and the day, in the blog's language and time zone, as far
   * as they are known; null when neither is.
   */
  private String byline(Byline byline) {
    if (byline == null) {
      return null;
    }
    String author =
        byline.author() == null || byline.author().isBlank()
            ? null
            : words.of("post.byline", byline.author().strip());
    String day =
        byline.publishedAt() == null
            ? null
            : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(words.locale())
                .withZone(siteName.zone())
                .format(byline.publishedAt());
    if (author == null) {
      return day;
    }
    return day == null ? author : author + " · " + day;
  }

  /**
   * The posts of a day or a week in one mail, for a subscriber who chose a digest.
   *
   * @param frequency what the digest covers: {@code DAILY} the day's posts, {@code WEEKLY} the
   *     week's
   * @param posts oldest first
   */
  public record DigestMail(
      String messageId,
      String to,
      String frequency,
      List<DigestPost> posts,
      String unsubscribeToken,
      String manageToken) {}

  /**
   * A subscriber's links in every mail they get.
   *
   * @param unsubscribe the page whose button unsubscribes
   * @param oneClick where mail clients POST an unsubscribe, without cookies or a page (RFC 8058)
   * @param manage the page of their preferences
   */
  private record SubscriberLinks(String unsubscribe, String oneClick, String manage) {}

  private SubscriberLinks links(String unsubscribeToken, String manageToken) {
    return new SubscriberLinks(
        settings.siteUrl() + "/subscriptions/unsubscribe?token=" + unsubscribeToken,
        settings.siteUrl() + "/api/subscriptions/unsubscribe?token=" + unsubscribeToken,
        settings.siteUrl() + "/subscriptions/preferences?token=" + manageToken);
  }

  /** One post of a digest: its title, excerpt, address and cover. */
  public record DigestPost(String title, String excerpt, String url, Picture cover) {}

  /**
   * A digest, ready to send: each post's title, picture and excerpt with a link, as WordPress.com's
   * daily and weekly mails list them. Its Message-ID is derived from the subscriber and the time
   * the digest was due, so that one sent again after a crash is recognisably the same message.
   */
  public MimeMessage prepareDigest(DigestMail mail) {
    String blog = siteName.current();
    var links = links(mail.unsubscribeToken(), mail.manageToken());
    int count = mail.posts().size();
    String subject =
        count == 1
            ? mail.posts().get(0).title()
            : words.of("digest." + mail.frequency() + ".subject", count, blog);
    String intro = words.of("digest." + mail.frequency() + ".intro", blog);
    var text = new StringBuilder();
    var html = new StringBuilder();
    text.append(intro).append("\n\n");
    html.append(composer.masthead(blog)).append("<p>").append(escape(intro)).append("</p>\n");
    SiteName.Writing writing = siteName.writing();
    for (DigestPost post : mail.posts()) {
      text.append(post.title())
          .append("\n")
          .append(post.excerpt() == null ? "" : post.excerpt() + "\n")
          .append(words.of("mail.readIt"))
          .append(": ")
          .append(post.url())
          .append("\n\n");
      html.append(
          """
          <div lang="%s" dir="%s">
          %s<h2><a href="%s">%s</a></h2>
          <p>%s</p>
          </div>
          <p>%s</p>
          """
              .formatted(
                  writing.language(),
                  writing.direction(),
                  coverHtml(post.cover(), post.url()),
                  escape(post.url()),
                  escape(post.title()),
                  escape(post.excerpt()),
                  composer.readOn(post.url(), words.of("mail.readOn", blog))));
    }
    text.append(
        """
        --
        %s
        %s: %s
        %s: %s
        """
            .formatted(
                words.of("mail.why", blog),
                words.of("mail.chooseOrPause"),
                links.manage(),
                words.of("mail.unsubscribe"),
                links.unsubscribe()));
    html.append(
        """
        <hr>
        <p><small>%s
        %s %s
        %s.</small></p>
        """
            .formatted(
                escape(words.of("mail.why", blog)),
                link(links.manage(), words.of("mail.choose")),
                escape(words.of("mail.or")),
                link(links.unsubscribe(), words.of("mail.unsubscribeLink"))));
    return composer.compose(
        blog,
        mail.messageId(),
        mail.to(),
        subject,
        text.toString(),
        html.toString(),
        links.oneClick(),
        composer.readersLanguage());
  }

  /** A post's cover at the head of its mail (or of its part of a digest), linked to the post. */
  private static String coverHtml(Picture cover, String postUrl) {
    return cover == null
        ? ""
        : """
          <p><a href="%s"><img src="%s" alt="%s" width="%d" height="%d"
          style="display:block;max-width:100%%;height:auto;border:0"></a></p>
          """
            .formatted(
                escape(postUrl),
                escape(cover.url()),
                escape(cover.alt()),
                cover.width(),
                cover.height());
  }

  /**
   * Sends a staff member the post's mail as subscribers will get it, marked as a test (Ghost's
   * "Send test email"), without a subscriber's links (the mail has no unsubscribe tokens).
   */
  public void sendTest(PostMail mail) {
    MimeMessage message = preparePost(mail);
    try {
      message.setSubject("[Test] " + mail.title(), StandardCharsets.UTF_8.name());
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
    composer.send(message);
  }

  /**
   * Sends messages over one SMTP connection, as {@link JavaMailSenderImpl#send(MimeMessage...)}
   * does, and tells {@code taken} of each one the moment the server has taken it: a sender that
   * records it then loses, in a crash, the record of the one message in flight, not of a batch.
   * Failures are reported per message in a {@link MailSendException}, as Spring reports them.
   */
  public void sendAll(List<MimeMessage> messages, Consumer<MimeMessage> taken) {
    Map<Object, Exception> failed = new LinkedHashMap<>();
    Transport transport = null;
    try {
      for (int i = 0; i < messages.size(); i++) {
        if (transport == null || !transport.isConnected()) {
          close(transport);
          try {
            transport = connect();
          } catch (AuthenticationFailedException e) {
            throw new MailAuthenticationException(e);
          } catch (MessagingException e) {
            messages.subList(i, messages.size()).forEach(message -> failed.put(message, e));
            throw new MailSendException("Mail server connection failed", e, failed);
          }
        }
        MimeMessage message = messages.get(i);
        try {
          if (message.getSentDate() == null) {
            message.setSentDate(new Date());
          }
          String messageId = message.getMessageID();
          message.saveChanges();
          if (messageId != null) {
            message.setHeader("Message-ID", messageId);
          }
          Address[] recipients = message.getAllRecipients();
          transport.sendMessage(message, recipients == null ? new Address[0] : recipients);
        } catch (MessagingException | RuntimeException e) {
          failed.put(message, e);
          continue;
        }
        taken.accept(message);
      }
    } finally {
      close(transport);
    }
    if (!failed.isEmpty()) {
      throw new MailSendException(failed);
    }
  }

  /** A connection to the mail server as the sender Spring Boot configured would open it. */
  private Transport connect() throws MessagingException {
    String username = sender.getUsername();
    String password = sender.getPassword();
    if ("".equals(username)) {
      username = null;
      password = "".equals(password) ? null : password;
    }
    Session session = sender.getSession();
    String protocol = sender.getProtocol();
    if (protocol == null) {
      protocol = session.getProperty("mail.transport.protocol");
    }
    Transport transport = session.getTransport(protocol == null ? "smtp" : protocol);
    transport.connect(sender.getHost(), sender.getPort(), username, password);
    return transport;
  }

  private static void close(Transport transport) {
    if (transport == null) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException closing) {
      // what was sent is sent; the server is told QUIT on a best-effort basis
    }
  }
}
