package io.inkwell.localstack;

import java.net.ServerSocket;

/**
 * A stand-in for a service a killed launcher left running: a JVM that listens on its port until it
 * is stopped, with the data folder's copy of a jar on its command line as the launcher's services
 * have.
 */
final class LeftService {

  private LeftService() {}

  public static void main(String[] args) throws Exception {
    try (var listening = new ServerSocket(Integer.parseInt(args[0]))) {
      Thread.sleep(5 * 60_000);
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
