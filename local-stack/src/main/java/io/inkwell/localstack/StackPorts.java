package io.inkwell.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** Every port the local stack binds. */
public record StackPorts(
    int kafka,
    int kafkaController,
    int postsDb,
    int commentsDb,
    int notificationsDb,
    int authDb,
    int webDb,
    int smtp,
    int imap,
    int gateway,
    int postService,
    int commentService,
    int notificationService,
    int authService,
    int web,
    int admin,
    int gatewayManagement) {

  /** The documented ports (README, docker-compose.yml). */
  public static StackPorts defaults() {
    return new StackPorts(
        9092, 9093, 27017, 27018, 27019, 27020, 27021, 3025, 3143, 8080, 8081, 8082, 8083, 9000,
        8084, 8090, 8079);
  }

  /** Each port with what listens there. */
  public Map<Integer, String> uses() {
    var uses = new LinkedHashMap<Integer, String>();
    uses.put(gateway, "gateway");
    uses.put(gatewayManagement, "gateway's actuator");
    uses.put(postService, "post-service");
    uses.put(commentService, "comment-service");
    uses.put(notificationService, "notification-service");
    uses.put(authService, "auth-service");
    uses.put(web, "web");
    uses.put(admin, "Spring Boot Admin");
    uses.put(kafka, "Kafka");
    uses.put(kafkaController, "Kafka's controller");
    uses.put(postsDb, "MongoDB posts");
    uses.put(commentsDb, "MongoDB comments");
    uses.put(notificationsDb, "MongoDB notifications");
    uses.put(authDb, "MongoDB auth");
    uses.put(webDb, "MongoDB web");
    uses.put(smtp, "SMTP");
    uses.put(imap, "IMAP");
    return uses;
  }

  /**
   * Whether nothing listens where the launcher's own parts do (Kafka, the MongoDB wire servers, the
   * mail server): they run inside the launcher, so a launcher of this stack is not running.
   */
  boolean infrastructureFree() {
    return Stream.of(
            kafka, kafkaController, postsDb, commentsDb, notificationsDb, authDb, webDb, smtp, imap)
        .allMatch(StackPorts::free);
  }

  /** The ports something else listens on already, as "8080 (gateway)". */
  List<String> inUse() {
    return uses().entrySet().stream()
        .filter(use -> !free(use.getKey()))
        .map(use -> use.getKey() + " (" + use.getValue() + ")")
        .toList();
  }

  private static boolean free(int port) {
    try (var socket = new ServerSocket()) {
      // a port left in TIME_WAIT by a stack that has just stopped is free to listen on
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException inUse) {
      return false;
    }
  }

  /**
   * Free ports, for tests that run beside anything else. They are taken below the range the kernel
   * hands out to outgoing connections (32768 and up on Linux, 49152 and up on macOS and Windows): a
   * port found free there cannot be taken by a service's client connection in the minute before the
   * service that should listen on it starts.
   */
  public static StackPorts free() {
    Set<Integer> taken = new HashSet<>();
    int[] ports = new int[17];
    for (int i = 0; i < ports.length; i++) {
      ports[i] = freePort(taken);
    }
    return new StackPorts(
        ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8],
        ports[9], ports[10], ports[11], ports[12], ports[13], ports[14], ports[15], ports[16]);
  }

  private static final int LOWEST = 20_000;
  private static final int HIGHEST = 32_000;

  private static int freePort(Set<Integer> taken) {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = LOWEST + ThreadLocalRandom.current().nextInt(HIGHEST - LOWEST);
      if (taken.contains(port)) {
        continue;
      }
      if (free(port)) {
        taken.add(port);
        return port;
      }
    }
    throw new IllegalStateException("No free port between " + LOWEST + " and " + HIGHEST);
  }
}
