package io.inkwell.notifications.mailbox;

import io.inkwell.notifications.notice.ReplyStops;
import io.inkwell.notifications.subscription.InvalidToken;
import io.inkwell.notifications.subscription.SubscriptionManagement;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.SubjectTerm;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The mail half of {@code List-Unsubscribe}: a mail client without one-click unsubscribing sends a
 * mail to the blog's address with the subject {@code unsubscribe <token>}, and this reads that
 * mailbox over IMAP and acts on it as on the link, at once. The token is the proof, as in the link
 * (the sender's address proves nothing); a subscriber's token unsubscribes, the one of a mail that
 * asks to confirm a subscription refuses it ("Did not ask? Never mail me"), a reply mail's stops
 * replies on its post. A mail that is done is deleted; one that says "unsubscribe" without a token
 * that works (a person writing, an expired link) is flagged and left for a person to read. Off
 * while no host is set.
 */
@Component
public class UnsubscribeMailbox {

  private static final Logger log = LoggerFactory.getLogger(UnsubscribeMailbox.class);

  /** The subject List-Unsubscribe's mailto asks for, as a client may send it ("Re: " and all). */
  private static final Pattern REQUEST =
      Pattern.compile("(?i)\\bunsubscribe\\s+([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

  /**
   * Where unsubscribe mails arrive: the IMAP mailbox of the address mails are sent from.
   *
   * @param host the IMAP server; blank: no mailbox is read
   * @param ssl IMAP over TLS ({@code imaps}), as a mail provider offers it on port 993
   * @param interval how often the mailbox is read
   */
  @ConfigurationProperties("inkwell.notifications.unsubscribe-mailbox")
  public record Settings(
      @DefaultValue("") String host,
      @DefaultValue("993") int port,
      @DefaultValue("") String username,
      @DefaultValue("") String password,
      @DefaultValue("true") boolean ssl,
      @DefaultValue("60s") Duration interval) {}

  private final Settings settings;
  private final SubscriptionManagement subscriptions;
  private final ReplyStops replyStops;
  private final Session session;

  UnsubscribeMailbox(
      Settings settings, SubscriptionManagement subscriptions, ReplyStops replyStops) {
    this.settings = settings;
    this.subscriptions = subscriptions;
    this.replyStops = replyStops;
    var properties = new Properties();
    String protocol = settings.ssl() ? "imaps" : "imap";
    properties.put("mail." + protocol + ".connectiontimeout", "10000");
    properties.put("mail." + protocol + ".timeout", "30000");
    this.session = Session.getInstance(properties);
  }

  @Scheduled(
      fixedDelayString = "${inkwell.notifications.unsubscribe-mailbox.interval:60s}",
      initialDelayString = "${inkwell.notifications.unsubscribe-mailbox.interval:60s}")
  void readQuietly() {
    if (settings.host().isBlank()) {
      return;
    }
    try {
      read();
    } catch (MessagingException | RuntimeException e) {
      // once a minute while the server is away: what went wrong, not a stack trace each time
      log.warn(
          "The unsubscribe mailbox {} at {} could not be read ({}); trying again in {}",
          settings.username(),
          settings.host(),
          e.toString(),
          settings.interval());
    }
  }

  /**
   * Acts on every unsubscribe mail not yet flagged.
   *
   * @return how many were done (and deleted)
   */
  int read() throws MessagingException {
    int done = 0;
    try (Store store = session.getStore(settings.ssl() ? "imaps" : "imap")) {
      store.connect(settings.host(), settings.port(), settings.username(), settings.password());
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      try {
        Message[] requests =
            inbox.search(
                new AndTerm(
                    new SubjectTerm("unsubscribe"),
                    new FlagTerm(new Flags(Flags.Flag.FLAGGED), false)));
        for (Message request : requests) {
          if (actOn(request.getSubject())) {
            request.setFlag(Flags.Flag.DELETED, true);
            done++;
          } else {
            request.setFlag(Flags.Flag.FLAGGED, true);
          }
        }
      } finally {
        inbox.close(true);
      }
    }
    if (done > 0) {
      log.info("Acted on {} unsubscribe mails", done);
    }
    return done;
  }

  /** Whether the subject carried a token that worked. */
  private boolean actOn(String subject) {
    Matcher request = REQUEST.matcher(subject == null ? "" : subject);
    if (!request.find()) {
      return false;
    }
    String token = request.group(1);
    List<Consumer<String>> links =
        List.of(subscriptions::unsubscribe, subscriptions::refuse, replyStops::stop);
    for (var link : links) {
      try {
        link.accept(token);
        return true;
      } catch (InvalidToken notThisLinksToken) {
        // the token of another kind of mail
      }
    }
    return false;
  }
}
