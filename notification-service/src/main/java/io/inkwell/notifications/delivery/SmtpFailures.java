package io.inkwell.notifications.delivery;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** Tells a refusal for good (an SMTP 5xx) from a failure worth retrying (4xx, network). */
final class SmtpFailures {

  private SmtpFailures() {}

  static boolean isPermanent(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
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
