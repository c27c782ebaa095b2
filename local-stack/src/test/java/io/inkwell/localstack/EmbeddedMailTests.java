package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The local stack's mail catcher keeps the newest mails, so that it cannot fill the heap. */
class EmbeddedMailTests {

  @Test
  void theOldestMailsBeyondWhatIsKeptAreDeletedFromEveryMailbox() throws Exception {
    StackPorts ports = StackPorts.free();
    try (var mail = EmbeddedMail.start(ports.smtp(), ports.imap(), 3)) {
      var session = Session.getInstance(smtp(ports.smtp()));
      for (int i = 1; i <= 5; i++) {
        send(session, i % 2 == 0 ? "ann@example.org" : "bob@example.org", "Mail " + i);
      }
      assertThat(mail.received()).hasSize(5);

      assertThat(mail.trim()).isEqualTo(2);

      assertThat(Arrays.stream(mail.received()).map(EmbeddedMailTests::subject))
          .containsExactlyInAnyOrder("Mail 3", "Mail 4", "Mail 5");
      assertThat(mail.trim()).as("nothing more to delete").isZero();
    }
  }

  /**
   * After a restart the catcher is empty, and the README's IMAP command for the sample subscriber
   * finds an empty inbox, not a refused login, until their next mail arrives, which lands there.
   */
  @Test
  void anAddressWithoutMailYetReadsAnEmptyInboxAndItsNextMailArrivesThere() throws Exception {
    StackPorts ports = StackPorts.free();
    try (var mail = EmbeddedMail.start(ports.smtp(), ports.imap(), 3)) {
      var session = Session.getInstance(smtp(ports.smtp()));
      String reader = "reader@inkwell.localhost";
      try (var store = session.getStore("imap")) {
        store.connect("localhost", ports.imap(), reader, reader);
        var inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertThat(inbox.getMessageCount()).isZero();
        inbox.close();

        send(session, reader, "A new post");

        inbox.open(Folder.READ_ONLY);
        assertThat(inbox.getMessageCount()).isEqualTo(1);
        assertThat(inbox.getMessage(1).getSubject()).isEqualTo("A new post");
      }
    }
  }

  private static Properties smtp(int port) {
    var properties = new Properties();
    properties.put("mail.smtp.host", "localhost");
    properties.put("mail.smtp.port", String.valueOf(port));
    return properties;
  }

  private static void send(Session session, String to, String subject) throws MessagingException {
    var message = new MimeMessage(session);
    message.setFrom(new InternetAddress("blog@inkwell.localhost"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject);
    message.setText("Hello");
    Transport.send(message);
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
