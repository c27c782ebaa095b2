package io.inkwell.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server that catches every mail, with IMAP to read it. A mailbox is created for each
 * recipient on first mail; its login and password are both the address.
 */
final class EmbeddedMail implements AutoCloseable {

  private final GreenMail server;

  private EmbeddedMail(GreenMail server) {
    this.server = server;
  }

  static EmbeddedMail start(int smtpPort, int imapPort) {
    var server =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(imapPort, "localhost", ServerSetup.PROTOCOL_IMAP)
            });
    server.start();
    return new EmbeddedMail(server);
  }

  MimeMessage[] received() {
    return server.getReceivedMessages();
  }

  @Override
  public void close() {
    server.stop();
  }
}
