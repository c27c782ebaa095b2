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

/** One in-process SMTP server (GreenMail) for every test of the module, on a free port. */
public final class TestMail {

  private static final GreenMail SERVER = start();
  private static final Pattern TOKEN =
      Pattern.compile("token=([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");

  private TestMail() {}

  public static int smtpPort() {
    return SERVER.getSmtp().getPort();
  }

  public static List<MimeMessage> to(String address) {
    return Arrays.stream(SERVER.getReceivedMessages())
        .filter(message -> recipients(message).contains(address))
        .toList();
  }

  public static List<MimeMessage> all() {
    return Arrays.asList(SERVER.getReceivedMessages());
  }

  public static String body(MimeMessage message) {
    return GreenMailUtil.getBody(message);
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
    // GreenMail's 2 s to come up is too little on two cores busy with a build
    smtp.setServerStartupTimeout(30_000);
    var server = new GreenMail(smtp);
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }
}
