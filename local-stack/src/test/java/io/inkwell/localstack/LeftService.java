package io.inkwell.localstack;

import java.net.ServerSocket;

/**
 * A stand-in for a service a killed launcher left running: a JVM that listens on its port until it
 * is stopped (or the tests' JVM that started it ends), with the data folder's copy of a jar on its
 * command line as the launcher's services have.
 */
final class LeftService {

  private LeftService() {}

  public static void main(String[] args) throws Exception {
    try (var listening = new ServerSocket(Integer.parseInt(args[0]))) {
      // until the test stops it, and at the latest with the test's JVM: never left behind
      ProcessHandle.current().parent().ifPresent(test -> test.onExit().join());
    }
  }

  /** Starts one on this port, as if from the data folder's copy of the gateway's jar. */
  static Process start(int port, java.nio.file.Path data) throws java.io.IOException {
    return new ProcessBuilder(
            ProcessHandle.current().info().command().orElse("java"),
            // first: the command line the system keeps may stop short of a long class path
            "-Dinkwell.jar=" + data.resolve("run").resolve("gateway.jar"),
            "-cp",
            System.getProperty("java.class.path"),
            LeftService.class.getName(),
            String.valueOf(port))
        .start();
  }
}
