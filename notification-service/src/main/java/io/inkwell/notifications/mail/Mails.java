package io.inkwell.notifications.mail;

import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.site.SiteName;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/** Composes and sends the mails subscribers, commenters and authors get. */
@Component
public class Mails {

  private final JavaMailSenderImpl sender;
  private final NotificationSettings settings;
  private final SiteName siteName;
  private final MailWords words;

  Mails(
      JavaMailSenderImpl sender,
      NotificationSettings settings,
      SiteName siteName,
      MailWords words) {
    this.sender = sender;
    this.settings = settings;
    this.siteName = siteName;
    this.words = words;
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

  /** A new comment, as the mails about it need it. */
  public record CommentMail(
      String messageId,
      String to,
      String postTitle,
      String postUrl,
      String commenterName,
      String excerpt) {}

  /**
   * Tells a commenter that someone replied; never carries anyone else's address. With a {@code
   * stopToken}, the mail has a link, and a one-click {@code List-Unsubscribe}, that stops reply
   * mails about this post.
   */
  public void sendReply(CommentMail mail, String stopToken) {
    String blog = siteName.current();
    String subject = words.of("reply.subject", mail.commenterName(), mail.postTitle());
    String stop =
        stopToken == null ? null : settings.siteUrl() + "/subscriptions/replies?token=" + stopToken;
    String oneClick =
        stopToken == null
            ? null
            : settings.siteUrl() + "/api/subscriptions/replies/stop?token=" + stopToken;
    String text =
        """
        %s

        %s

        %s: %s

        --
        %s
        """
                .formatted(
                    words.of("reply.intro", mail.commenterName(), "\"" + mail.postTitle() + "\""),
                    mail.excerpt(),
                    words.of("reply.read"),
                    mail.postUrl(),
                    words.of("reply.why", blog))
            + (stop == null ? "" : words.of("reply.stop") + ": " + stop + "\n");
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
                    "reply.intro",
                    escape(mail.commenterName()),
                    link(mail.postUrl(), mail.postTitle())),
                escape(mail.excerpt()),
                link(mail.postUrl(), words.of("reply.read")),
                escape(words.of("reply.why", blog)),
                stop == null ? "" : " " + link(stop, words.of("reply.stop")) + ".");
    sender.send(
        compose(
            blog, mail.messageId(), mail.to(), subject, text, html, oneClick, readersLanguage()));
  }

  /** Tells a post's author (or the owner) that a reader commented on it, as WordPress does. */
  public void sendNewComment(CommentMail mail) {
    String blog = isolated(siteName.current());
    String moderate = settings.siteUrl() + "/admin/comments";
    String subject = isolated(mail.commenterName()) + " commented on " + isolated(mail.postTitle());
    String text =
        """
        %s commented on "%s":

        %s

        Read it on the blog: %s
        Moderate comments: %s

        --
        You get this mail because comments on a post of %s go to its author (or to the owner
        when the author has no account).
        """
            .formatted(
                isolated(mail.commenterName()),
                isolated(mail.postTitle()),
                mail.excerpt(),
                mail.postUrl(),
                moderate,
                blog);
    String html =
        """
        <p>%s commented on <a href="%s">%s</a>:</p>
        <blockquote dir="auto">%s</blockquote>
        <p><a href="%s">Read it on the blog</a> · <a href="%s">Moderate comments</a></p>
        <hr>
        <p><small>You get this mail because comments on a post of %s go to its author (or to
        the owner when the author has no account).</small></p>
        """
            .formatted(
                escape(isolated(mail.commenterName())),
                escape(mail.postUrl()),
                escape(isolated(mail.postTitle())),
                escape(mail.excerpt()),
                escape(mail.postUrl()),
                escape(moderate),
                escape(blog));
    sender.send(staffMail(mail.messageId(), mail.to(), subject, text, html));
  }

  /** Asks a moderator to look at a held comment, as WordPress's "Please moderate" mail does. */
  public void sendModerationRequest(CommentMail mail) {
    String blog = isolated(siteName.current());
    String moderate = settings.siteUrl() + "/admin/comments";
    String account = settings.siteUrl() + "/admin/account";
    String subject = "Please moderate: \"" + isolated(mail.postTitle()) + "\"";
    String text =
        """
        A comment by %s on "%s" waits for your approval:

        %s

        Approve it, reject it or mark it as spam: %s
        The post: %s

        --
        You get this mail because you moderate the comments of %s. Turn comment mails off
        on your account page: %s
        """
            .formatted(
                isolated(mail.commenterName()),
                isolated(mail.postTitle()),
                mail.excerpt(),
                moderate,
                mail.postUrl(),
                blog,
                account);
    String html =
        """
        <p>A comment by %s on <a href="%s">%s</a> waits for your approval:</p>
        <blockquote dir="auto">%s</blockquote>
        <p><a href="%s">Approve, reject or mark it as spam</a></p>
        <hr>
        <p><small>You get this mail because you moderate the comments of %s.
        <a href="%s">Turn comment mails off</a>.</small></p>
        """
            .formatted(
                escape(isolated(mail.commenterName())),
                escape(mail.postUrl()),
                escape(isolated(mail.postTitle())),
                escape(mail.excerpt()),
                escape(moderate),
                escape(blog),
                escape(account));
    sender.send(staffMail(mail.messageId(), mail.to(), subject, text, html));
  }

  /** An invitation to write for the blog, as its mail needs it. */
  public record InvitationMail(
      String messageId,
      String to,
      String name,
      String invitedBy,
      String acceptUrl,
      Instant expiresAt) {}

  /** Asks an invitee to choose their password; the link works once, for a week. */
  public void sendInvitation(InvitationMail mail) {
    String blog = isolated(siteName.current());
    String until =
        DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC)
            .format(mail.expiresAt());
    String subject = isolated(mail.invitedBy()) + " invited you to write for " + blog;
    String text =
        """
        Hello %s,

        %s invited you to write for %s. Choose your password here:

        %s

        The link works once, until %s. Then sign in at %s/admin with this address.
        If you did not expect this, ignore this mail.
        """
            .formatted(
                isolated(mail.name()),
                isolated(mail.invitedBy()),
                blog,
                mail.acceptUrl(),
                until,
                settings.siteUrl());
    String html =
        """
        <p>Hello %s,</p>
        <p>%s invited you to write for %s.</p>
        <p><a href="%s">Choose your password</a></p>
        <p>The link works once, until %s. Then sign in at <a href="%s/admin">%s/admin</a> with
        this address. If you did not expect this, ignore this mail.</p>
        """
            .formatted(
                escape(isolated(mail.name())),
                escape(isolated(mail.invitedBy())),
                escape(blog),
                escape(mail.acceptUrl()),
                escape(until),
                escape(settings.siteUrl()),
                escape(settings.siteUrl()));
    sender.send(staffMail(mail.messageId(), mail.to(), subject, text, html));
  }

  /**
   * A draft that waits for an editor (WordPress's "Submit for Review").
   *
   * @param editUrl the draft in the admin's editor
   */
  public record ReviewMail(
      String messageId, String to, String title, String authorName, String editUrl) {}

  /** Asks an editor to look at a draft its author submitted for review. */
  public void sendReviewRequest(ReviewMail mail) {
    String blog = isolated(siteName.current());
    String subject = "Ready for review: \"" + isolated(mail.title()) + "\"";
    String text =
        """
        %s submitted "%s" for review.

        Read it, change it, publish it: %s

        --
        You get this mail because you edit %s.
        """
            .formatted(isolated(mail.authorName()), isolated(mail.title()), mail.editUrl(), blog);
    String html =
        """
        <p>%s submitted <strong>%s</strong> for review.</p>
        <p><a href="%s">Read it, change it, publish it</a></p>
        <hr>
        <p><small>You get this mail because you edit %s.</small></p>
        """
            .formatted(
                escape(isolated(mail.authorName())),
                escape(isolated(mail.title())),
                escape(mail.editUrl()),
                escape(blog));
    sender.send(staffMail(mail.messageId(), mail.to(), subject, text, html));
  }

  /** A link to choose a new password, as its mail needs it. */
  public record PasswordResetMail(
      String messageId, String to, String name, String resetUrl, Instant expiresAt) {}

  /** Sends a staff member who forgot their password the link to choose a new one. */
  public void sendPasswordReset(PasswordResetMail mail) {
    String blog = isolated(siteName.current());
    String until = STAFF_TIME.format(mail.expiresAt());
    String subject = "Reset your password for " + blog;
    String text =
        """
        Hello %s,

        Someone, we hope you, asked to reset the password you sign in to %s with.
        Choose a new one here:

        %s

        The link works once, until %s. If you did not ask for this, ignore this mail:
        your password stays as it is.
        """
            .formatted(isolated(mail.name()), blog, mail.resetUrl(), until);
    String html =
        """
        <p>Hello %s,</p>
        <p>Someone, we hope you, asked to reset the password you sign in to %s with.</p>
        <p><a href="%s">Choose a new password</a></p>
        <p>The link works once, until %s. If you did not ask for this, ignore this mail: your
        password stays as it is.</p>
        """
            .formatted(
                escape(isolated(mail.name())),
                escape(blog),
                escape(mail.resetUrl()),
                escape(until));
    sender.send(staffMail(mail.messageId(), mail.to(), subject, text, html));
  }

  /**
   * The code a staff member types before setting up two-step sign-in, which the blog requires.
   *
   * @param code six digits
   * @param expiresAt when the code works no more
   */
  public record TwoStepSetupCodeMail(
      String messageId, String to, String name, String code, Instant expiresAt) {}

  /**
   * Sends a staff member who signed in with their password the code that shows the mailbox is
   * theirs, before they set up two-step sign-in.
   */
  public void sendTwoStepSetupCode(TwoStepSetupCodeMail mail) {
    String blog = isolated(siteName.current());
    String until = STAFF_TIME.format(mail.expiresAt());
    String subject = "Your code to set up two-step sign-in for " + blog;
    String text =
        """
        Hello %s,

        You signed in to %s with your password, and are setting up two-step sign-in,
        which the blog asks of all its staff. Type this code on the sign-in page:

        %s

        It works once, until %s. If it was not you, someone knows your password:
        choose a new one with "Forgot your password?" on the sign-in page.
        """
            .formatted(isolated(mail.name()), blog, mail.code(), until);
    String html =
        """
        <p>Hello %s,</p>
        <p>You signed in to %s with your password, and are setting up two-step sign-in, which
        the blog asks of all its staff. Type this code on the sign-in page:</p>
        <p style="font-size:1.6em;font-weight:bold;letter-spacing:0.2em">%s</p>
        <p>It works once, until %s. If it was not you, someone knows your password: choose a new
        one with &ldquo;Forgot your password?&rdquo; on the sign-in page.</p>
        """
            .formatted(
                escape(isolated(mail.name())), escape(blog), escape(mail.code()), escape(until));
    sender.send(staffMail(mail.messageId(), mail.to(), subject, text, html));
  }

  /**
   * A change to how a staff member's account is signed in to, as its mail needs it.
   *
   * @param notice {@code NEW_BROWSER}, {@code PASSWORD_CHANGED}, {@code TWO_STEP_ON}, {@code
   *     TWO_STEP_OFF}, {@code RECOVERY_CODE_USED} or {@code RECOVERY_CODES_RENEWED}
   * @param device the new browser ("Firefox on Windows"), or null
   * @param changedBy the admin who turned two-step sign-in off, or null
   * @param recoveryCodesLeft after a recovery code was used
   * @param resetUrl the page where a password reset link is asked for
   */
  public record SecurityNoticeMail(
      String messageId,
      String to,
      String name,
      String notice,
      String device,
      String changedBy,
      Integer recoveryCodesLeft,
      Instant at,
      String resetUrl) {}

  /**
   * Tells a staff member what changed in how their account is signed in to, as GitHub, Google and
   * WordPress do, with what to do if it was not them: a new password (which signs every browser
   * out), and their account page, which lists where they are signed in.
   */
  public void sendSecurityNotice(SecurityNoticeMail mail) {
    String blog = isolated(siteName.current());
    String at = STAFF_TIME.format(mail.at());
    String device =
        mail.device() == null ? "a browser that does not say which it is" : mail.device();
    NoticeWords words =
        switch (mail.notice()) {
          case "NEW_BROWSER" ->
              new NoticeWords(
                  "New sign-in to " + blog,
                  ("Someone signed in as you on %s from %s at %s, a browser your account had not"
                          + " been signed in from before.")
                      .formatted(blog, device, at));
          case "PASSWORD_CHANGED" ->
              new NoticeWords(
                  "Your password for " + blog + " was changed",
                  "The password you sign in to %s with was changed at %s.".formatted(blog, at));
          case "TWO_STEP_ON" ->
              new NoticeWords(
                  "Two-step sign-in is on for " + blog,
                  ("Two-step sign-in was turned on for your account on %s at %s: signing in takes a"
                          + " code of your authenticator app after the password. Keep your recovery"
                          + " codes where you will find them without your phone.")
                      .formatted(blog, at));
          case "TWO_STEP_OFF" ->
              new NoticeWords(
                  "Two-step sign-in is off for " + blog,
                  ("Two-step sign-in was turned off for your account on %s at %s%s: your password"
                          + " alone signs you in now.")
                      .formatted(
                          blog,
                          at,
                          isolated(mail.changedBy()) == null
                              ? ""
                              : " by " + isolated(mail.changedBy())));
          case "RECOVERY_CODE_USED" ->
              new NoticeWords(
                  "A recovery code signed you in to " + blog,
                  ("A recovery code was used to sign in to your account on %s at %s; %d of them"
                          + " are left. Your account page makes new ones; if your phone is lost,"
                          + " turn two-step sign-in off and on again there, for a new app.")
                      .formatted(
                          blog,
                          at,
                          mail.recoveryCodesLeft() == null ? 0 : mail.recoveryCodesLeft()));
          case "RECOVERY_CODES_RENEWED" ->
              new NoticeWords(
                  "New recovery codes for " + blog,
                  ("New recovery codes were made for your account on %s at %s; the ones you had"
                          + " before work no more.")
                      .formatted(blog, at));
          // a notice of a later auth-service than this
          default ->
              new NoticeWords(
                  "Your account on " + blog + " changed",
                  "How you sign in to %s changed at %s.".formatted(blog, at));
        };
    String account = settings.siteUrl() + "/admin/account";
    String text =
        """
        Hello %s,

        %s

        If it was you, there is nothing to do. If it was not, someone else knows your
        password: choose a new one at once, which signs every browser out,

        %s

        then see where you are signed in on your account page:

        %s
        """
            .formatted(isolated(mail.name()), words.what(), mail.resetUrl(), account);
    String html =
        """
        <p>Hello %s,</p>
        <p>%s</p>
        <p>If it was you, there is nothing to do. If it was not, someone else knows your password:
        <a href="%s">choose a new one</a> at once, which signs every browser out, then see where
        you are signed in on <a href="%s">your account page</a>.</p>
        """
            .formatted(
                escape(isolated(mail.name())),
                escape(words.what()),
                escape(mail.resetUrl()),
                escape(account));
    sender.send(staffMail(mail.messageId(), mail.to(), words.subject(), text, html));
  }

  /** A notice's subject, and its sentence of what happened. */
  private record NoticeWords(String subject, String what) {}

  /** The double opt-in mail; its link opens a page whose button confirms. */
  public void sendConfirmation(String to, String confirmToken) {
    String blog = siteName.current();
    // the web client's page, whose button confirms (a link scanner's GET confirms nothing)
    String link = settings.siteUrl() + "/subscriptions/confirm?token=" + confirmToken;
    String text =
        """
        %s

        %s

        %s
        """
            .formatted(words.of("confirm.ask", blog), link, words.of("confirm.ignore"));
    String html =
        masthead(blog)
            + """
        <p>%s</p>
        <p>%s</p>
        <p>%s</p>
        """
                .formatted(
                    escape(words.of("confirm.ask", blog)),
                    link(link, words.of("confirm.button")),
                    escape(words.of("confirm.ignore")));
    sender.send(
        compose(
            blog,
            null,
            to,
            words.of("confirm.subject", blog),
            text,
            html,
            null,
            readersLanguage()));
  }

  /**
   * The welcome a reader gets once they confirmed (Ghost's and Substack's): what comes now, and how
   * to change it, with the same links and one-click unsubscribe as every post's mail.
   *
   * @param messageId the same for every try of one subscriber's welcome
   * @param tags the tags they chose; empty for every post
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
    String unsubscribe =
        settings.siteUrl() + "/subscriptions/unsubscribe?token=" + mail.unsubscribeToken();
    String oneClick =
        settings.siteUrl() + "/api/subscriptions/unsubscribe?token=" + mail.unsubscribeToken();
    String manage = settings.siteUrl() + "/subscriptions/preferences?token=" + mail.manageToken();
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
                manage,
                words.of("mail.unsubscribe"),
                unsubscribe);
    String html =
        masthead(blog)
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
                    link(manage, words.of("mail.chooseOrPause")),
                    link(unsubscribe, words.of("mail.unsubscribeLink")));
    sender.send(
        compose(
            blog,
            mail.messageId(),
            mail.to(),
            words.of("welcome.subject", blog),
            text,
            html,
            oneClick,
            readersLanguage()));
  }

  /**
   * A published post, ready to send. The Message-ID is derived from the post and the subscriber, so
   * a message sent again after a crash is recognisably the same message.
   */
  public MimeMessage preparePost(PostMail mail) {
    String blog = siteName.current();
    // a test (no subscriber, no tokens) says where a subscriber's links will be instead
    boolean test = mail.unsubscribeToken() == null;
    String unsubscribe =
        settings.siteUrl() + "/subscriptions/unsubscribe?token=" + mail.unsubscribeToken();
    // RFC 8058: mail clients POST here, without cookies or a page
    String oneClick =
        test
            ? null
            : settings.siteUrl()
                + "/api/subscriptions/unsubscribe?token="
                + mail.unsubscribeToken();
    String manage = settings.siteUrl() + "/subscriptions/preferences?token=" + mail.manageToken();
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
        masthead(blog)
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
                    readOn(mail.postUrl(), words.of("mail.readOn", blog)))
            + footerHtml;
    return compose(
        blog, mail.messageId(), mail.to(), mail.title(), text, html, oneClick, readersLanguage());
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

  /** One post of a digest: its title, excerpt, address and cover. */
  public record DigestPost(String title, String excerpt, String url, Picture cover) {}

  /**
   * A digest, ready to send: each post's title, picture and excerpt with a link, as WordPress.com's
   * daily and weekly mails list them. Its Message-ID is derived from the subscriber and the time
   * the digest was due, so that one sent again after a crash is recognisably the same message.
   */
  public MimeMessage prepareDigest(DigestMail mail) {
    String blog = siteName.current();
    String unsubscribe =
        settings.siteUrl() + "/subscriptions/unsubscribe?token=" + mail.unsubscribeToken();
    String oneClick =
        settings.siteUrl() + "/api/subscriptions/unsubscribe?token=" + mail.unsubscribeToken();
    String manage = settings.siteUrl() + "/subscriptions/preferences?token=" + mail.manageToken();
    int count = mail.posts().size();
    String subject =
        count == 1
            ? mail.posts().get(0).title()
            : words.of("digest." + mail.frequency() + ".subject", count, blog);
    String intro = words.of("digest." + mail.frequency() + ".intro", blog);
    var text = new StringBuilder();
    var html = new StringBuilder();
    text.append(intro).append("\n\n");
    html.append(masthead(blog)).append("<p>").append(escape(intro)).append("</p>\n");
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
                  readOn(post.url(), words.of("mail.readOn", blog))));
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
                manage,
                words.of("mail.unsubscribe"),
                unsubscribe));
    html.append(
        """
        <hr>
        <p><small>%s
        %s %s
        %s.</small></p>
        """
            .formatted(
                escape(words.of("mail.why", blog)),
                link(manage, words.of("mail.choose")),
                escape(words.of("mail.or")),
                link(unsubscribe, words.of("mail.unsubscribeLink"))));
    return compose(
        blog,
        mail.messageId(),
        mail.to(),
        subject,
        text.toString(),
        html.toString(),
        oneClick,
        readersLanguage());
  }

  /** How high a mail shows the blog's logo, in CSS pixels. */
  private static final int LOGO_HEIGHT = 48;

  /**
   * The blog's logo atop a subscriber's mail (confirmation, welcome, post, digest), named as the
   * blog, or else its icon and name, linked to the blog (Ghost's newsletter header); nothing when
   * an admin gave the blog neither.
   */
  private String masthead(String blog) {
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
    sender.send(message);
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

  /** A staff mail: in English, left to right, without a list to leave. */
  private MimeMessage staffMail(
      String messageId, String to, String subject, String text, String html) {
    return compose(siteName.current(), messageId, to, subject, text, html, null, STAFF_LANGUAGE);
  }

  private MimeMessage compose(
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

  /** See {@link MailWords#isolated}: for the staff mails' English sentences. */
  private static String isolated(String text) {
    return MailWords.isolated(text);
  }

  /** The language staff mails are written in: the admin's, English. */
  private static final String STAFF_LANGUAGE = "en";

  /** A moment as staff mails say it: "19:42 UTC on 12 March 2026". */
  private static final DateTimeFormatter STAFF_TIME =
      DateTimeFormatter.ofPattern("HH:mm 'UTC on' d MMMM yyyy", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /**
   * The language of the words of readers' mails: the blog's where MailWords has it, else English,
   * whichever the words came out in (a post's own part says its language itself).
   */
  private String readersLanguage() {
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
  private String readOn(String url, String words) {
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
  private static String link(String url, String words) {
    return "<a href=\"" + escape(url) + "\">" + escape(words) + "</a>";
  }

  private static String escape(String text) {
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
