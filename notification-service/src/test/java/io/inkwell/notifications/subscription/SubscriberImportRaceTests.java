package io.inkwell.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.inkwell.notifications.NotificationMetrics;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * A reader who subscribes on the blog while their address is in a list being imported: the batch
 * insert stops at their address (MongoDB's ordered insert keeps what it wrote before it), and the
 * rest of the batch is stored one by one, without counting twice those already written.
 */
class SubscriberImportRaceTests {

  private final Subscribers subscribers = mock(Subscribers.class);

  private final SubscriberImport lists =
      new SubscriberImport(subscribers, mock(NotificationMetrics.class), Clock.systemUTC());

  @Test
  void aReaderWhoSubscribesMeanwhileKeepsTheirSubscriptionAndTheRestOfTheListArrives() {
    List<Subscriber> batch = new ArrayList<>();
    when(subscribers.findByEmailKeyIn(any())).thenReturn(List.of());
    when(subscribers.insert(anyList()))
        .thenAnswer(
            call -> {
              batch.addAll(call.getArgument(0));
              throw new DuplicateKeyException("E11000 duplicate key error: bob@example.org");
            });
    // ada's went in before bob's stopped the batch
    when(subscribers.existsById(anyString()))
        .thenAnswer(call -> call.getArgument(0).equals(batch.get(0).id()));
    when(subscribers.insert(any(Subscriber.class)))
        .thenAnswer(
            call -> {
              Subscriber one = call.getArgument(0);
              if (one.email().startsWith("bob")) {
                throw new DuplicateKeyException("E11000 duplicate key error: bob@example.org");
              }
              return one;
            });

    var result =
        lists.importCsv(
            new StringReader("email\nada@example.org\nbob@example.org\ncy@example.org\n"));

    assertThat(batch).extracting(Subscriber::email).hasSize(3);
    assertThat(result.added()).as("ada's and cy's").isEqualTo(2);
    assertThat(result.alreadyThere()).as("bob's own subscription").isEqualTo(1);
    assertThat(result.unsubscribed()).isZero();
  }
}
