package io.inkwell.notifications.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * Sends a batch over one connection and says what failed of it; tells a refusal for good (an SMTP
 * 5xx) from a failure worth retrying (4xx), and both from a mail server that is not there, and how
 * long to wait before the retry.
 */
public final class SmtpFailures {

  private static final Duration MAX_PAUSE = Duration.ofMinutes(10);

  private SmtpFailures() {}

  /**
   * Sends the messages over one SMTP connection, telling {@code taken} of each as soon as the
   * server took it.
   *
   * @return the failure of each message that was not sent (all of them when the connection itself
   *     failed); empty when every one was
   */
  public static Map<Object, Exception> sendAll(
      ReaderMails mails, Collection<MimeMessage> messages, Consumer<MimeMessage> taken) {
    try {
      mails.sendAll(List.copyOf(messages), taken);
      return Map.of();
    } catch (MailSendException e) {
      if (!e.getFailedMessages().isEmpty()) {
        return e.getFailedMessages();
      }
      return all(messages, e);
    } catch (MailException e) {
      return all(messages, e);
    }
  }

  private static Map<Object, Exception> all(Collection<MimeMessage> messages, Exception failure) {
    Map<Object, Exception> failed = new HashMap<>();
    messages.forEach(message -> failed.put(message, failure));
    return failed;
  }

  /** The pause before the next attempt: doubling from a second, ten minutes at most. */
  public static Duration pauseAfter(int attempts) {
    Duration pause = Duration.ofSeconds(1L << Math.min(attempts, 10));
    return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
  }

  /**
   * Whether the mail server, not the mail, is the trouble: it cannot be reached, the connection
   * broke, it is closing down (421), or it refuses the platform's credentials. That says nothing
   * about the mail, so it must not use up the mail's attempts (the post mail and digest senders'
   * {@code MailServer}).
   */
  public static boolean isServerUnavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof IOException
          || cause instanceof AuthenticationFailedException
          || cause instanceof MailAuthenticationException) {
        return true;
      }
      if (cause instanceof SMTPSendFailedException send && send.getReturnCode() == 421
          || cause instanceof SMTPAddressFailedException address
              && address.getReturnCode() == 421) {
        return true;
      }
      // what Jakarta Mail throws for the rest of a batch once the connection is gone
      if (cause instanceof IllegalStateException && "Not connected".equals(cause.getMessage())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the mail can never go: the server refused it for good (5xx), or its address cannot even
   * be written into a mail.
   */
  public static boolean isPermanent(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof AddressException) {
        return true;
      }
      if (cause instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
        return true;
      }
      if (cause instanceof SMTPSendFailedException send && send.getReturnCode() >= 500) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable cause) {
    if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
      return messaging.getNextException();
    }
    return cause.getCause();
  }
}
