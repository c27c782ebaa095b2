package io.inkwell.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Runs one task from several threads released together, as impatient clicks, browser tabs or
 * service instances would: for tests of what must happen once however many ask at the same time.
 */
public final class AtOnce {

  private AtOnce() {}

  /** The task's answers, in the order the threads were started; the first failure is thrown. */
  public static <T> List<T> run(int times, Callable<T> task) throws Exception {
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(times);
    try {
      List<Future<T>> answers =
          IntStream.range(0, times)
              .mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            start.await();
                            return task.call();
                          }))
              .toList();
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> answer : answers) {
        results.add(answer.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
