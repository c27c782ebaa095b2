package io.inkwell.notifications.mail;

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
  void aMailServerThatIsNotThereIsWaitedForNotCountedAgainstTheMail() throws Exception {
    var refused =
        new MessagingException(
            "Couldn't connect to host, port: localhost, 2525; timeout -1",
            new java.net.ConnectException("Connection refused"));
    var closing =
        new SMTPSendFailedException(
            "MAIL FROM", 421, "4.3.2 Service shutting down", null, null, null, null);
    var brokenMidBatch = new IllegalStateException("Not connected");
    var wrongPassword =
        new org.springframework.mail.MailAuthenticationException("535 5.7.8 Bad credentials");

    assertThat(SmtpFailures.isServerUnavailable(new MailSendException("failed", refused))).isTrue();
    assertThat(SmtpFailures.isServerUnavailable(closing)).isTrue();
    assertThat(SmtpFailures.isServerUnavailable(brokenMidBatch)).isTrue();
    assertThat(SmtpFailures.isServerUnavailable(wrongPassword)).isTrue();
    assertThat(SmtpFailures.isPermanent(refused)).isFalse();
  }

  @Test
  void aMailTheServerRefusesIsTheMailsTrouble() throws Exception {
    var full =
        new SMTPAddressFailedException(
            new InternetAddress("full@example.org"), "RCPT TO", 452, "4.2.2 Mailbox full");
    var unknown =
        new SMTPAddressFailedException(
            new InternetAddress("gone@example.org"), "RCPT TO", 550, "5.1.1 User unknown");

    assertThat(SmtpFailures.isServerUnavailable(full)).isFalse();
    assertThat(SmtpFailures.isServerUnavailable(new SendFailedException("x", unknown))).isFalse();
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
