package io.inkwell.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server that catches every mail, with IMAP to read it, while it runs. A mailbox is created
 * for each recipient on first mail or first login; its login is the address (and the password too,
 * though any is taken). It keeps the newest {@code keep} mails: GreenMail holds them in the
 * launcher's heap, and a post to a few thousand subscribers would otherwise fill it after a few
 * posts.
 */
final class EmbeddedMail implements AutoCloseable {

  /**
   * The mails kept by default. A post mail (both parts, the whole post in it) takes some 40 KB of
   * the heap as GreenMail keeps it, so this is about 80 MB of the launcher's 384.
   */
  static final int KEEP = 2_000;

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMail.class);

  /**
   * GreenMail gives each server 2 s to come up; on two busy cores (a build beside it) that is too
   * little, and the whole stack would fail to start.
   */
  private static final long STARTUP_TIMEOUT_MS = 30_000;

  /** The address the services send from, whose mailbox takes unsubscribe mails. */
  static final String BLOG = "blog@inkwell.localhost";

  private final GreenMail server;
  private final int keep;
  private final ScheduledExecutorService trimmer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            var thread = new Thread(task, "mail-trimmer");
            thread.setDaemon(true);
            return thread;
          });

  private EmbeddedMail(GreenMail server, int keep) {
    this.server = server;
    this.keep = keep;
    trimmer.scheduleWithFixedDelay(this::trimQuietly, 10, 10, TimeUnit.SECONDS);
  }

  static EmbeddedMail start(int smtpPort, int imapPort, int keep) {
    var smtp = new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP);
    var imap = new ServerSetup(imapPort, "localhost", ServerSetup.PROTOCOL_IMAP);
    smtp.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
    imap.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
    // any login opens the mailbox of that address, also before its first mail (after a restart,
    // which empties the catcher): an empty inbox rather than a refused login
    var server =
        new GreenMail(new ServerSetup[] {smtp, imap})
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    server.start();
    // the blog's own mailbox (the services' default sender), which notification-service reads
    server.setUser(BLOG, BLOG, BLOG);
    return new EmbeddedMail(server, keep);
  }

  MimeMessage[] received() {
    return server.getReceivedMessages();
  }

  /**
   * Deletes the oldest mails beyond the newest {@code keep}, in every mailbox.
   *
   * @return how many were deleted
   */
  int trim() throws FolderException {
    record Kept(MailFolder folder, StoredMessage message) {}
    List<Kept> all = new ArrayList<>();
    for (MailFolder folder :
        server.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
      folder.getNonDeletedMessages().forEach(message -> all.add(new Kept(folder, message)));
    }
    if (all.size() <= keep) {
      return 0;
    }
    all.sort(
        Comparator.comparing((Kept kept) -> kept.message().getReceivedDate())
            .thenComparing(kept -> kept.message().getUid()));
    List<Kept> oldest = all.subList(0, all.size() - keep);
    Set<MailFolder> touched = new LinkedHashSet<>();
    for (Kept kept : oldest) {
      kept.folder()
          .setFlags(new Flags(Flags.Flag.DELETED), true, kept.message().getUid(), null, false);
      touched.add(kept.folder());
    }
    for (MailFolder folder : touched) {
      folder.expunge();
    }
    return oldest.size();
  }

  private void trimQuietly() {
    try {
      int deleted = trim();
      if (deleted > 0) {
        log.info("Deleted the {} oldest caught mails; the newest {} are kept", deleted, keep);
      }
    } catch (FolderException | RuntimeException e) {
      log.warn("Could not delete old caught mails", e);
    }
  }

  @Override
  public void close() {
    trimmer.shutdownNow();
    server.stop();
  }
}
