package io.inkwell.testsupport;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Work done as a service does it for a request on the local stack, whose services' threads have 512
 * KB of stack ({@code -Xss512k}, local-stack's {@code ServiceProcess}): where a test thread's
 * deeper stack would hide that some input overflows it.
 */
public final class RequestThreads {

  /** The stack of each thread of a service on the local stack. */
  public static final long STACK_BYTES = 512 * 1024;

  private RequestThreads() {}

  /** Runs the work on such a thread and waits for it; what it throws is thrown here. */
  public static void run(Runnable work) throws Throwable {
    var failure = new AtomicReference<Throwable>();
    var thread =
        new Thread(
            null,
            () -> {
              try {
                work.run();
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "request",
            STACK_BYTES);
    thread.start();
    thread.join();
    if (failure.get() != null) {
      throw failure.get();
    }
  }
}
