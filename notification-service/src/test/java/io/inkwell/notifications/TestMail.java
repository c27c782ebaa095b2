package io.inkwell.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One in-process mail server (GreenMail) for every test of the module, on free ports: SMTP for what
 * the service sends, IMAP for the blog's own mailbox, which the service reads for unsubscribe
 * mails.
 */
public final class TestMail {

  private static final GreenMail SERVER = start();
  private static final Pattern TOKEN =
      Pattern.compile("token=([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");

  private TestMail() {}

  public static int smtpPort() {
    return SERVER.getSmtp().getPort();
  }

  /** The blog's sender address; its mailbox (login and password the address) is read over IMAP. */
  public static final String BLOG = "blog@inkwell.localhost";

  public static int imapPort() {
    return SERVER.getImap().getPort();
  }

  /** Sends a mail to the server, as a reader's mail client would. */
  public static void send(String from, String to, String subject) {
    GreenMailUtil.sendTextEmail(to, from, subject, "", SERVER.getSmtp().getServerSetup());
  }

  /** The mails in the blog's own mailbox, as its IMAP folder holds them now. */
  public static List<MimeMessage> inBlogMailbox() {
    return to(BLOG);
  }

  public static List<MimeMessage> to(String address) {
    return Arrays.stream(SERVER.getReceivedMessages())
        .filter(message -> recipients(message).contains(address))
        .toList();
  }

  /**
   * How many mails the server put in the mailbox of this address, as the SMTP envelope named it
   * ({@code RCPT TO}), whatever the {@code To} header says.
   */
  public static int inMailboxOf(String address) {
    var user = SERVER.getUserManager().getUserByEmail(address);
    if (user == null) {
      return 0;
    }
    try {
      return SERVER.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    } catch (com.icegreen.greenmail.store.FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<MimeMessage> all() {
    return Arrays.asList(SERVER.getReceivedMessages());
  }

  /**
   * A mail's text and HTML parts, decoded (no quoted-printable left, whatever characters the mail
   * has), as a reader's client shows them.
   */
  public static String body(MimeMessage message) {
    String text = text(message);
    String html = html(message);
    return (text == null ? "" : text) + "\n" + (html == null ? "" : html);
  }

  /** The first signed token in a mail's text, as a reader's click would send it. */
  public static String token(MimeMessage message) {
    Matcher matcher = TOKEN.matcher(body(message).replace("=\r\n", ""));
    if (!matcher.find()) {
      throw new AssertionError("No token in: " + body(message));
    }
    return matcher.group(1);
  }

  public static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, ",");
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The HTML part of a mail, decoded, as a mail client shows it; null for a text-only mail. */
  public static String html(MimeMessage message) {
    return part(message, "text/html");
  }

  /** The plain-text part of a mail, decoded, as a client without HTML shows it. */
  public static String text(MimeMessage message) {
    return part(message, "text/plain");
  }

  private static String part(MimeMessage message, String type) {
    try {
      return part((jakarta.mail.Part) message, type);
    } catch (MessagingException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String part(jakarta.mail.Part part, String type)
      throws MessagingException, java.io.IOException {
    if (part.isMimeType(type)) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = part(multipart.getBodyPart(i), type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static List<String> recipients(MimeMessage message) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .map(Object::toString)
          .toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GreenMail start() {
    var smtp = ServerSetupTest.SMTP.dynamicPort();
    var imap = ServerSetupTest.IMAP.dynamicPort();
    // GreenMail's 2 s to come up is too little on two cores busy with a build
    smtp.setServerStartupTimeout(30_000);
    imap.setServerStartupTimeout(30_000);
    var server = new GreenMail(new com.icegreen.greenmail.util.ServerSetup[] {smtp, imap});
    server.start();
    server.setUser(BLOG, BLOG, BLOG);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }
}
