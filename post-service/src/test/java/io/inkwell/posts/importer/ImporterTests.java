package io.inkwell.posts.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.inkwell.posts.post.Actor;
import io.inkwell.posts.post.PostImports;
import io.inkwell.posts.post.PostImports.ImportedPost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * What the request that started an import meets, and what the import records of itself, when its
 * posts are stored, are not yet, or storing them fails midway.
 */
class ImporterTests {

  private final PostImports imports = mock(PostImports.class);
  private final InlinePictures pictures = mock(InlinePictures.class);
  private final ImportRuns runs = mock(ImportRuns.class);
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
  private final Importer importer =
      new Importer(imports, pictures, mock(PictureCopying.class), runs, clock, Duration.ZERO);
  private final Actor owner = new Actor("owner", "Owner", Set.of("OWNER"));

  @BeforeEach
  void recordsStayTheRunsToWrite() {
    when(runs.record(any(), any())).thenReturn(true);
  }

  @AfterEach
  void stop() {
    importer.stop();
  }

  @Test
  void aFailureWhileStoringReachesTheRequestAsItWasThrownAndTheRecordSaysWhereItStopped() {
    when(pictures.stored(anyString(), any())).then(call -> call.getArgument(0));
    var database = new DataAccessResourceFailureException("the database went away");
    when(imports.importPost(any())).thenReturn(true).thenReturn(false).thenThrow(database);

    var run = importer.start("wordpress", List.of(post("1"), post("2"), post("3")), owner, false);

    assertThatThrownBy(run::finished).isSameAs(database);
    assertThatThrownBy(() -> run.within(Duration.ofSeconds(30))).isSameAs(database);
    var end = lastRecord();
    assertThat(end.state()).isEqualTo(Importer.State.STOPPED);
    assertThat(end.finished()).isFalse();
    assertThat(end.posts()).isEqualTo(1);
    assertThat(end.alreadyThere()).isEqualTo(1);
    assertThat(end.problem())
        .startsWith("2 of 3 posts were stored when storing the next failed")
        .contains("importing the same file again stores the rest")
        .doesNotContain("the database went away");
  }

  /** A post-service stopping (a deployment, a restart) lets each import say where it stopped. */
  @Test
  void anImportUnderWayWhenTheServiceStopsRecordsWhereItStopped() throws Exception {
    var storing = storingWaitsFor();
    var run = importer.start("blogger", List.of(post("1"), post("2"), post("3")), owner, false);
    // storing its first post when the service begins to stop, not before
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> verify(imports).importPost(any()));

    var stopper = new Thread(importer::stop);
    stopper.start();
    // the service is stopping: it waits for the import, still storing its first post
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stopper.getState() == Thread.State.TIMED_WAITING);
    storing.countDown();
    stopper.join(Duration.ofSeconds(30).toMillis());

    assertThat(stopper.isAlive()).isFalse();
    assertThatThrownBy(run::finished).isInstanceOf(Importer.Stopping.class);
    var end = lastRecord();
    assertThat(end.state()).isEqualTo(Importer.State.STOPPED);
    assertThat(end.posts()).isEqualTo(1);
    assertThat(end.problem()).startsWith("post-service stopped after 1 of 3 posts were stored");
  }

  @Test
  void aRequestThatWillNotWaitIsToldTheImportGoesOn() {
    var storing = storingWaitsFor();

    var run = importer.start("ghost", List.of(post("1"), post("2")), owner, false);
    var soFar = run.within(Duration.ZERO);
    storing.countDown();

    assertThat(soFar.state()).isEqualTo(Importer.State.STORING);
    assertThat(soFar.finished()).isFalse();
    assertThat(soFar.finishedAt()).isNull();
    assertThat(soFar.total()).isEqualTo(2);
    assertThat(run.finished().posts()).isEqualTo(2);
    assertThat(run.finished().id()).isEqualTo(soFar.id());
    // the importer was not told of the end: its event tells
    lastRecord();
    var ended = endEvent();
    assertThat(ended).isNotNull();
    assertThat(ended.type()).isEqualTo("ImportEnded");
    assertThat(ended.importId()).isEqualTo(soFar.id());
    assertThat(ended.importer()).isEqualTo(new ImportEnded.By("owner", "Owner"));
    assertThat(ended.state()).isEqualTo("DONE");
    assertThat(ended.posts()).isEqualTo(2);
    assertThat(ended.total()).isEqualTo(2);
    // and would tell it should this instance die before the end
    verify(runs).answeredBeforeTheEnd(soFar.id());
  }

  @Test
  void anImportStoredWholeSaysSo() {
    when(pictures.stored(anyString(), any())).then(call -> call.getArgument(0));
    when(imports.importPost(any())).thenReturn(true).thenReturn(false);

    var result = importer.start("blogger", List.of(post("1"), post("2")), owner, false).finished();

    assertThat(result)
        .isEqualTo(
            new Importer.Result(
                result.id(),
                "blogger",
                "Owner",
                clock.instant(),
                clock.instant(),
                Importer.State.DONE,
                2,
                1,
                1,
                0,
                0,
                null));
    assertThat(result.finished()).isTrue();
    assertThat(lastRecord()).isEqualTo(result);
    // the request that waited told the end itself
    assertThat(endEvent()).isNull();
    verify(runs, never()).answeredBeforeTheEnd(any());
  }

  /**
   * A run silent for longer than the other instances wait (a post that took minutes) finds its
   * record closed as stopped by one of them ({@link ImportRuns#closeStalled}), its importer told
   * so: it stops there, rather than store on what the record and the mail say stopped.
   */
  @Test
  void aRunWhoseRecordWasClosedMeanwhileStoresNoMore() {
    when(pictures.stored(anyString(), any())).then(call -> call.getArgument(0));
    when(imports.importPost(any())).thenReturn(true);
    when(runs.record(any(), any())).thenReturn(true).thenReturn(false);

    var run = importer.start("wordpress", List.of(post("1"), post("2"), post("3")), owner, false);

    assertThatThrownBy(run::finished).isInstanceOf(Importer.Stopping.class);
    verify(imports, times(2)).importPost(any());
  }

  /** Posts are stored once the latch it gives is counted down, not before. */
  private CountDownLatch storingWaitsFor() {
    when(pictures.stored(anyString(), any())).then(call -> call.getArgument(0));
    var storing = new CountDownLatch(1);
    when(imports.importPost(any()))
        .then(
            call -> {
              storing.await();
              return true;
            });
    return storing;
  }

  /** The event recorded with the end, once it was: none unless the importer was not told. */
  private ImportEnded endEvent() {
    var records = ArgumentCaptor.forClass(Importer.Result.class);
    var events = ArgumentCaptor.forClass(ImportEnded.class);
    verify(runs, atLeast(1)).record(records.capture(), events.capture());
    assertThat(records.getValue().state()).isNotEqualTo(Importer.State.STORING);
    return events.getValue();
  }

  /** The last thing the import recorded of itself, once it recorded its end. */
  private Importer.Result lastRecord() {
    var records = ArgumentCaptor.forClass(Importer.Result.class);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              verify(runs, atLeast(1)).record(records.capture(), any());
              assertThat(records.getValue().state()).isNotEqualTo(Importer.State.STORING);
            });
    return records.getValue();
  }

  private static ImportedPost post(String id) {
    return new ImportedPost(
        "wordpress-" + id,
        null,
        "Post " + id,
        "post-" + id,
        "<p>Text.</p>",
        null,
        List.of(),
        null,
        true,
        false,
        null,
        true,
        false,
        false,
        List.of(),
        null,
        null,
        Map.of());
  }
}
