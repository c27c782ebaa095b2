package io.inkwell.localstack;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A port the stack needs is taken, most often by an Inkwell already running or by the services of
 * one whose launcher was killed: said before anything starts, instead of services that cannot
 * listen and a stack that talks to the old ones.
 */
final class AlreadyRunning extends IllegalStateException {

  private AlreadyRunning(String message) {
    super(message);
  }

  static void check(StackPorts ports, Path data) {
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
      String pids =
          left.stream().map(p -> String.valueOf(p.pid())).collect(Collectors.joining(" "));
      message
          .append(" The services of an Inkwell started with the data in ")
          .append(data)
          .append(" are still running: stop its launcher with Ctrl-C, or, if it is gone,")
          .append(" stop them with: kill ")
          .append(pids);
    }
    throw new AlreadyRunning(message.toString());
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
