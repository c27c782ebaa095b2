package io.inkwell.notifications.mail;

import static io.inkwell.notifications.mail.MailComposer.escape;

import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.site.SiteName;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Composes and sends the mails the blog's staff get: comments on their posts and comments to
 * moderate, invitations, drafts to review, password resets, two-step codes and security notices.
 * They are in English, the admin's language, left to right, with no list to leave.
 */
@Component
public class StaffMails {

  /** The language staff mails are written in: the admin's, English. */
  private static final String STAFF_LANGUAGE = "en";

  /** A moment as staff mails say it: "19:42 UTC on 12 March 2026". */
  private static final DateTimeFormatter STAFF_TIME =
      DateTimeFormatter.ofPattern("HH:mm 'UTC on' d MMMM yyyy", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final NotificationSettings settings;
  private final SiteName siteName;
  private final MailComposer composer;

  StaffMails(NotificationSettings settings, SiteName siteName, MailComposer composer) {
    this.settings = settings;
    this.siteName = siteName;
    this.composer = composer;
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
    composer.send(staffMail(mail.messageId(), mail.to(), subject, text, html));
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
    composer.send(staffMail(mail.messageId(), mail.to(), subject, text, html));
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
    composer.send(staffMail(mail.messageId(), mail.to(), subject, text, html));
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
    composer.send(staffMail(mail.messageId(), mail.to(), subject, text, html));
  }

  /**
   * How an import its importer was answered before the end of ended ({@code ImportEnded}).
   *
   * @param from the platform whose export it was ({@code wordpress}, …)
   * @param state {@code DONE} or {@code STOPPED}
   * @param problem where and why it stopped (stopped ones only)
   */
  public record ImportMail(
      String messageId,
      String to,
      String name,
      String from,
      String state,
      int total,
      int posts,
      int alreadyThere,
      int comments,
      String problem) {

    /** The platform as its users name it. */
    String platform() {
      return switch (String.valueOf(from)) {
        case "blogger" -> "Blogger";
        case "wordpress" -> "WordPress";
        case "ghost" -> "Ghost";
        case "substack" -> "Substack";
        case "medium" -> "Medium";
        default -> "blog";
      };
    }

    /** What came in, or where it stopped and what to do about it. */
    String outcome() {
      if (!"DONE".equals(state)) {
        return problem == null ? "It stopped before every post was stored." : problem;
      }
      return "That is "
          + count(posts, "new post")
          + " and "
          + count(comments, "comment")
          + (alreadyThere == 1 ? "; 1 was here already" : "")
          + (alreadyThere > 1 ? "; " + alreadyThere + " were here already" : "")
          + "."
          + (comments > 0 ? " The comments appear on their posts over the next minutes." : "");
    }

    private static String count(int n, String noun) {
      return n + " " + noun + (n == 1 ? "" : "s");
    }
  }

  /**
   * Tells whoever imported a blog how the import they left storing ended, as Ghost mails it: what
   * came in, or where it stopped, with the Import page, which lists the latest imports.
   */
  public void sendImportEnded(ImportMail mail) {
    String blog = isolated(siteName.current());
    boolean done = "DONE".equals(mail.state());
    String subject =
        "Your " + mail.platform() + " import " + (done ? "is done" : "stopped") + " – " + blog;
    String imports = settings.siteUrl() + "/admin/import";
    String lead =
        (done
                ? "Every post of the %s export you imported into %s is stored, %d in all."
                : "Storing the %s export you imported into %s stopped before its %d posts were"
                    + " all in.")
            .formatted(mail.platform(), blog, mail.total());
    String text =
        """
        Hello %s,

        %s
        %s

        The latest imports: %s
        """
            .formatted(isolated(mail.name()), lead, mail.outcome(), imports);
    String html =
        """
        <p>Hello %s,</p>
        <p>%s</p>
        <p>%s</p>
        <p><a href="%s">See the latest imports</a></p>
        """
            .formatted(
                escape(isolated(mail.name())),
                escape(lead),
                escape(mail.outcome()),
                escape(imports));
    composer.send(staffMail(mail.messageId(), mail.to(), subject, text, html));
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
    composer.send(staffMail(mail.messageId(), mail.to(), subject, text, html));
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
    composer.send(staffMail(mail.messageId(), mail.to(), subject, text, html));
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
    composer.send(staffMail(mail.messageId(), mail.to(), words.subject(), text, html));
  }

  /** A notice's subject, and its sentence of what happened. */
  private record NoticeWords(String subject, String what) {}

  /** A staff mail: in English, left to right, without a list to leave. */
  private MimeMessage staffMail(
      String messageId, String to, String subject, String text, String html) {
    return composer.compose(
        siteName.current(), messageId, to, subject, text, html, null, STAFF_LANGUAGE);
  }

  /** See {@link MailWords#isolated}: for the staff mails' English sentences. */
  private static String isolated(String text) {
    return MailWords.isolated(text);
  }
}
