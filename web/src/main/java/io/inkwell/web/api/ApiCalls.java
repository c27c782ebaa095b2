package io.inkwell.web.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.stereotype.Component;

/**
 * Calls to the API a page makes side by side, when none needs another's answer (a post page's
 * thread, neighbours, related posts and author): the reader waits for the slowest, not for their
 * sum. They run on Boot's task executor, with the request's trace carried over, so each call is a
 * span of the page's trace as it is when made in line.
 */
@Component
public class ApiCalls {

  private final AsyncTaskExecutor executor;

  ApiCalls(@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
    this.executor = executor;
  }

  /** The call, started now on another thread. */
  public <T> CompletableFuture<T> start(Supplier<T> call) {
    return CompletableFuture.supplyAsync(call, executor);
  }

  /**
   * What a call started by {@link #start} answered, waiting for it; its failure as if it had been
   * made here (an {@link ApiUnavailable} is a 503 page, as ever).
   */
  public static <T> T answer(CompletableFuture<T> call) {
    try {
      return call.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class TraceCarrying {

    /** Boot decorates its task executor with it: the caller's trace (and MDC) go with the call. */
    @Bean
    TaskDecorator contextPropagatingTaskDecorator() {
      return new ContextPropagatingTaskDecorator();
    }
  }
}
