package io.inkwell.localstack;

import java.io.IOException;
import java.net.ServerSocket;

/** Every port the local stack binds. */
public record StackPorts(
    int kafka,
    int kafkaController,
    int postsDb,
    int commentsDb,
    int notificationsDb,
    int authDb,
    int smtp,
    int imap,
    int gateway,
    int postService,
    int commentService,
    int notificationService,
    int authService,
    int web,
    int admin) {

  /** The documented ports (README, docker-compose.yml). */
  public static StackPorts defaults() {
    return new StackPorts(
        9092, 9093, 27017, 27018, 27019, 27020, 3025, 3143, 8080, 8081, 8082, 8083, 9000, 8084,
        8090);
  }

  /** Free ports, for tests that run beside anything else. */
  public static StackPorts free() {
    return new StackPorts(
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        freePort());
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
