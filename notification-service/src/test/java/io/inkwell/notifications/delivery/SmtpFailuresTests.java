package io.inkwell.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class SmtpFailuresTests {

  @Test
  void aMailboxThatDoesNotExistIsRefusedForGood() throws Exception {
    var refused =
        new SMTPAddressFailedException(
            new InternetAddress("gone@example.org"), "RCPT TO", 550, "5.1.1 User unknown");
    var wrapped = new SendFailedException("Invalid Addresses", refused);

    assertThat(SmtpFailures.isPermanent(new MailSendException("failed", wrapped))).isTrue();
    assertThat(SmtpFailures.isPermanent(refused)).isTrue();
  }

  @Test
  void aFullMailboxOrAGreylistIsWorthAnotherTry() throws Exception {
    var full =
        new SMTPAddressFailedException(
            new InternetAddress("full@example.org"), "RCPT TO", 452, "4.2.2 Mailbox full");
    var greylisted =
        new SMTPSendFailedException("DATA", 451, "4.7.1 Try again later", null, null, null, null);

    assertThat(SmtpFailures.isPermanent(full)).isFalse();
    assertThat(SmtpFailures.isPermanent(greylisted)).isFalse();
    assertThat(SmtpFailures.isPermanent(new MessagingException("Connection refused"))).isFalse();
  }
}
