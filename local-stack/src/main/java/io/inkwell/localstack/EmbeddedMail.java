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

  /**
   * GreenMail gives each server 2 s to come up; on two busy cores (a build beside it) that is too
   * little, and the whole stack would fail to start.
   */
  private static final long STARTUP_TIMEOUT_MS = 30_000;

  static EmbeddedMail start(int smtpPort, int imapPort) {
    var smtp = new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP);
    var imap = new ServerSetup(imapPort, "localhost", ServerSetup.PROTOCOL_IMAP);
    smtp.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
    imap.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
    var server = new GreenMail(new ServerSetup[] {smtp, imap});
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
