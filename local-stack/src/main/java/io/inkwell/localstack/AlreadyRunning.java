package io.inkwell.localstack;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A port the stack needs is taken, most often by an Inkwell already running or by the services of
 * one whose launcher was killed: said before anything starts, instead of services that cannot
 * listen and a stack that talks to the old ones. The services of a launcher that was killed are
 * stopped first, as its Ctrl-C would have stopped them.
 */
final class AlreadyRunning extends IllegalStateException {

  private static final Logger log = LoggerFactory.getLogger(AlreadyRunning.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private AlreadyRunning(String message) {
    super(message);
  }

  static void check(StackPorts ports, Path data) {
    if (ports.inUse().isEmpty()) {
      return;
    }
    List<ProcessHandle> orphans = servicesOf(data);
    if (!orphans.isEmpty() && ports.infrastructureFree()) {
      // Their launcher is gone (killed, out of memory): its Kafka, MongoDB and mail servers ran
      // inside it and went with it, so these services serve nothing any more; a launcher still
      // running holds those ports, and its services are left alone.
      log.warn(
          "Stopping the services an earlier Inkwell with the data in {} left running when its"
              + " launcher was killed: {}",
          data,
          pids(orphans));
      stop(orphans);
    }
    List<String> inUse = ports.inUse();
    if (inUse.isEmpty()) {
      return;
    }
    var message =
        new StringBuilder("Inkwell cannot start: ")
            .append(inUse.size() == 1 ? "port " : "ports ")
            .append(String.join(", ", inUse))
            .append(inUse.size() == 1 ? " is" : " are")
            .append(" in use.");
    List<ProcessHandle> left = servicesOf(data);
    if (left.isEmpty()) {
      message.append(
          " Is Inkwell running already (Ctrl-C in its terminal stops it), or another program"
              + " listening there?");
    } else {
      message
          .append(" The services of an Inkwell started with the data in ")
          .append(data)
          .append(" are still running: stop its launcher with Ctrl-C, or, if it is gone,")
          .append(" stop them with: kill ")
          .append(pids(left));
    }
    throw new AlreadyRunning(message.toString());
  }

  private static String pids(List<ProcessHandle> processes) {
    return processes.stream().map(p -> String.valueOf(p.pid())).collect(Collectors.joining(" "));
  }

  /** Asks each to stop as Ctrl-C would, and ends those that have not within half a minute. */
  private static void stop(List<ProcessHandle> processes) {
    processes.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    for (ProcessHandle process : processes) {
      try {
        process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException stillThere) {
        process.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    for (ProcessHandle process : processes) {
      process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(ignored -> null).join();
    }
  }

  /** The services started from this data folder's copies of the jars, by whichever launcher. */
  static List<ProcessHandle> servicesOf(Path data) {
    String run = data.resolve("run").toAbsolutePath() + File.separator;
    return ProcessHandle.allProcesses()
        .filter(
            process ->
                process.info().commandLine().map(command -> command.contains(run)).orElse(false))
        .toList();
  }
}
