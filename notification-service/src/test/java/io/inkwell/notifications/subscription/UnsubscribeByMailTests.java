package io.inkwell.notifications.subscription;

import static io.inkwell.notifications.Subscribing.confirmedSubscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reader whose mail client has no one-click unsubscribe uses the mailto of {@code
 * List-Unsubscribe}: the mail it sends to the blog's address unsubscribes them as the link does,
 * read from the blog's mailbox over IMAP.
 */
class UnsubscribeByMailTests extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Pattern MAILTO = Pattern.compile("<mailto:([^?>]+)\\?subject=([^>]+)>");

  @Autowired private Subscribers subscribers;

  @Test
  void theMailListUnsubscribeAsksForUnsubscribesAtOnceAndIsDeleted() {
    String address = "by-mail-" + UUID.randomUUID() + "@example.org";
    confirmedSubscriber(api(), address);
    MimeMessage welcome =
        await()
            .atMost(PATIENCE)
            .until(() -> TestMail.to(address), mails -> mails.size() == 2)
            .get(1);
    var mailto = MAILTO.matcher(TestMail.header(welcome, "List-Unsubscribe"));
    assertThat(mailto.find()).as("List-Unsubscribe names an address to mail").isTrue();
    assertThat(mailto.group(1)).isEqualTo(TestMail.BLOG);
    String subject = URLDecoder.decode(mailto.group(2), StandardCharsets.UTF_8);

    // as a mail client sends it, perhaps with its own prefix
    TestMail.send(address, mailto.group(1), "Re: " + subject);

    await()
        .atMost(PATIENCE)
        .until(
            () -> subscribers.findByAddress(address).orElseThrow().status(),
            status -> status == SubscriberStatus.UNSUBSCRIBED);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(TestMail.inBlogMailbox())
                    .as("the request is done with")
                    .noneMatch(mail -> subjectOf(mail).contains(subject)));
  }

  /**
   * The mail that asks to confirm a subscription, sent to someone who did not ask: their mail
   * client's unsubscribe mails the blog, and the address is never asked again.
   */
  @Test
  void theUnsubscribeMailOfAConfirmationMailRefusesIt() {
    String address = "not-me-" + UUID.randomUUID() + "@example.org";
    api().post("/api/subscriptions", "{\"email\": \"" + address + "\"}");
    var mailto = MAILTO.matcher(TestMail.header(TestMail.to(address).get(0), "List-Unsubscribe"));
    assertThat(mailto.find()).isTrue();

    TestMail.send(
        address, mailto.group(1), URLDecoder.decode(mailto.group(2), StandardCharsets.UTF_8));

    await()
        .atMost(PATIENCE)
        .until(() -> subscribers.findByAddress(address).orElseThrow().refusedAt() != null);
    api().post("/api/subscriptions", "{\"email\": \"" + address + "\"}");
    assertThat(TestMail.to(address)).hasSize(1);
  }

  /**
   * A mail that says "unsubscribe" without a token that works (a person writing, a forged token)
   * changes nothing and stays in the mailbox, flagged, for a person to answer.
   */
  @Test
  void anUnsubscribeMailWithoutAWorkingTokenIsLeftForAPerson() {
    String address = "by-hand-" + UUID.randomUUID() + "@example.org";
    confirmedSubscriber(api(), address);
    String written = "Please unsubscribe me " + UUID.randomUUID();
    String forged = "unsubscribe AAAA" + UUID.randomUUID().toString().replace("-", "") + ".BBBB";

    TestMail.send(address, TestMail.BLOG, written);
    TestMail.send(address, TestMail.BLOG, forged);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(TestMail.inBlogMailbox())
                    .filteredOn(
                        mail -> subjectOf(mail).equals(written) || subjectOf(mail).equals(forged))
                    .hasSize(2)
                    .allMatch(UnsubscribeByMailTests::flagged));
    assertThat(subscribers.findByAddress(address).orElseThrow().status())
        .isEqualTo(SubscriberStatus.CONFIRMED);
  }

  private static String subjectOf(MimeMessage mail) {
    try {
      return String.valueOf(mail.getSubject());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean flagged(MimeMessage mail) {
    try {
      return mail.isSet(jakarta.mail.Flags.Flag.FLAGGED);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
