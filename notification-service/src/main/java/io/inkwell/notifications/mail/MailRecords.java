package io.inkwell.notifications.mail;

import java.time.Duration;

/**
 * How long the records of mails sent or given up are kept (comment notices, staff mails, review
 * requests): long enough that an event Kafka delivers again (it keeps a week by default) finds its
 * mail recorded and sends nothing twice, short enough that the addresses and names they hold are
 * not kept for ever. Each feature forgets its own every {@code mail-record-prune-interval}.
 */
public final class MailRecords {

  public static final Duration KEPT = Duration.ofDays(30);

  private MailRecords() {}
}
