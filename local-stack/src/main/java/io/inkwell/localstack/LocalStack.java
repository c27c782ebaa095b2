package io.inkwell.localstack;

import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine: a Kafka broker (KRaft), one MongoDB wire server per service
 * database and an SMTP/IMAP server in this process, and every service as its own JVM. Data lives
 * under the data directory and survives restarts.
 */
public final class LocalStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  /** Every process the stack runs, in the order it starts them, each its module's name. */
  static final List<String> SERVICES =
      List.of(
          "admin-server",
          "auth-service",
          "post-service",
          "comment-service",
          "notification-service",
          "web",
          "gateway");

  /**
   * @param home the project directory, where each service's jar is built
   * @param data where Kafka's log, the databases and the service logs live
   * @param seed whether to add the sample subscriber and welcome post on a first start
   * @param environment extra settings for every service (tests raise the per-client limits)
   */
  public record Settings(
      Path home, Path data, StackPorts ports, boolean seed, Map<String, String> environment) {

    public Settings(Path home, Path data, StackPorts ports, boolean seed) {
      this(home, data, ports, seed, Map.of());
    }
  }

  private final Settings settings;
  private final List<AutoCloseable> started = new ArrayList<>();
  private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
  private boolean closed;
  private EmbeddedKafka kafka;
  private EmbeddedMail mail;
  private Credentials credentials;

  LocalStack(Settings settings) {
    this.settings = settings;
  }

  public static LocalStack start(Settings settings) throws Exception {
    var stack = new LocalStack(settings);
    stack.startAll();
    return stack;
  }

  /**
   * Starts everything, or stops what it started and throws. A {@link #close()} meanwhile, as
   * Ctrl-C's shutdown hook calls it, stops what has started and whatever would start after it.
   */
  void startAll() throws Exception {
    try {
      startEach();
    } catch (Exception | Error e) {
      boolean stoppedMeanwhile = stopping();
      close();
      if (stoppedMeanwhile) {
        throw new StoppedWhileStarting(e);
      }
      throw e;
    }
  }

  /** The stack was stopped before it had started; what failed then is the cause. */
  static final class StoppedWhileStarting extends Exception {

    private StoppedWhileStarting(Throwable cause) {
      super("Inkwell was stopped while it started", cause);
    }
  }

  private void startEach() throws Exception {
    NotBuilt.check(settings.home(), this::jarOf);
    StackPorts ports = settings.ports();
    Path data = settings.data();
    AlreadyRunning.check(ports, data);
    boolean firstStart = !Files.exists(data.resolve("seeded"));
    credentials = Credentials.loadOrCreate(data);

    kafka =
        started(EmbeddedKafka.start(data.resolve("kafka"), ports.kafka(), ports.kafkaController()));
    var posts = started(EmbeddedMongo.start(data.resolve("mongo"), "posts", ports.postsDb()));
    var comments =
        started(EmbeddedMongo.start(data.resolve("mongo"), "comments", ports.commentsDb()));
    var notifications =
        started(
            EmbeddedMongo.start(data.resolve("mongo"), "notifications", ports.notificationsDb()));
    var auth = started(EmbeddedMongo.start(data.resolve("mongo"), "auth", ports.authDb()));
    var web = started(EmbeddedMongo.start(data.resolve("mongo"), "web", ports.webDb()));
    int mailKept =
        Integer.parseInt(
            System.getenv().getOrDefault("INKWELL_MAIL_KEEP", String.valueOf(EmbeddedMail.KEEP)));
    mail = started(EmbeddedMail.start(ports.smtp(), ports.imap(), mailKept));
    log.info(
        "Infrastructure is up: Kafka {}, MongoDB, SMTP {}", kafka.bootstrapServers(), ports.smtp());

    String bootstrap = kafka.bootstrapServers();
    service("admin-server", ports.admin(), Map.of());
    service(
        "auth-service",
        ports.authService(),
        Map.of(
            "MONGODB_URI", auth.uri(),
            "KAFKA_BOOTSTRAP", bootstrap,
            "INKWELL_OWNER_EMAIL", credentials.ownerEmail(),
            "INKWELL_OWNER_PASSWORD", credentials.ownerPassword(),
            "INKWELL_INTEGRATION_ID", credentials.clientId(),
            "INKWELL_INTEGRATION_SECRET", credentials.clientSecret(),
            "INKWELL_WEB_REDIRECT_URIS", gatewayUrl() + "/login/oauth2/code/inkwell",
            "INKWELL_WEB_POST_LOGOUT_URIS", gatewayUrl() + "/",
            "INKWELL_SIGNING_KEY_SECRET", credentials.signingKeySecret()));
    service(
        "post-service",
        ports.postService(),
        Map.of("MONGODB_URI", posts.uri(), "KAFKA_BOOTSTRAP", bootstrap));
    service(
        "comment-service",
        ports.commentService(),
        Map.of("MONGODB_URI", comments.uri(), "KAFKA_BOOTSTRAP", bootstrap));
    service(
        "notification-service",
        ports.notificationService(),
        Map.ofEntries(
            Map.entry("MONGODB_URI", notifications.uri()),
            Map.entry("KAFKA_BOOTSTRAP", bootstrap),
            Map.entry("SMTP_HOST", "localhost"),
            Map.entry("SMTP_PORT", String.valueOf(ports.smtp())),
            Map.entry("INKWELL_SITE_URL", gatewayUrl()),
            Map.entry("INKWELL_TOKEN_SECRET", credentials.tokenSecret()),
            // a webhook's receiver tried out with the local stack runs on this machine too
            Map.entry("INKWELL_WEBHOOK_PRIVATE_HOSTS", "*"),
            // the blog's own mailbox, where List-Unsubscribe's mailto goes
            Map.entry("INKWELL_UNSUBSCRIBE_IMAP_HOST", "localhost"),
            Map.entry("INKWELL_UNSUBSCRIBE_IMAP_PORT", String.valueOf(ports.imap())),
            Map.entry("INKWELL_UNSUBSCRIBE_IMAP_USERNAME", EmbeddedMail.BLOG),
            Map.entry("INKWELL_UNSUBSCRIBE_IMAP_PASSWORD", EmbeddedMail.BLOG),
            Map.entry("INKWELL_UNSUBSCRIBE_IMAP_SSL", "false"),
            // a mailbox on this machine costs nothing to read: an unsubscribe mail acts in seconds
            Map.entry("INKWELL_UNSUBSCRIBE_IMAP_INTERVAL", "5s")));
    service(
        "web",
        ports.web(),
        Map.of(
            "MONGODB_URI", web.uri(),
            "INKWELL_API_URL", gatewayUrl(),
            "INKWELL_SITE_URL", gatewayUrl()));
    var gateway =
        new java.util.HashMap<>(
            Map.of(
                "POST_SERVICE_URL", "http://localhost:" + ports.postService(),
                "COMMENT_SERVICE_URL", "http://localhost:" + ports.commentService(),
                "NOTIFICATION_SERVICE_URL", "http://localhost:" + ports.notificationService(),
                "AUTH_SERVICE_URL", "http://localhost:" + ports.authService(),
                "WEB_URL", "http://localhost:" + ports.web(),
                "KAFKA_BOOTSTRAP", bootstrap,
                // its own database, of the shared rate-limit buckets, beside web's on one server
                "MONGODB_URI", web.uri("gateway")));
    service("gateway", ports.gateway(), gateway);
    for (ServiceProcess service : services) {
      service.awaitReady(READY_TIMEOUT);
      if (stopping()) {
        throw new IllegalStateException("Inkwell was stopped while it started");
      }
      log.info("{} is ready at {}", service.name(), service.url());
    }

    if (settings.seed() && firstStart) {
      new Seeder(gatewayUrl(), credentials).seed(mail);
      Files.writeString(data.resolve("seeded"), "The sample content was added once.\n");
      log.info("Seeded the welcome post and the sample subscriber {}", Seeder.SAMPLE_SUBSCRIBER);
    }
  }

  private Path jarOf(String service) {
    return settings.home().resolve(service).resolve("target").resolve(service + ".jar");
  }

  private void service(String name, int port, Map<String, String> environment) throws Exception {
    Path jar = jarOf(name);
    environment = new java.util.HashMap<>(environment);
    environment.putAll(settings.environment());
    String loopback = InetAddress.getLoopbackAddress().getHostAddress();
    int managementPort = port;
    if (!name.equals("gateway")) {
      // Only the gateway answers other machines, as in docker-compose: the services behind it
      // leave rate limits and request sizes to it, and Spring Boot Admin and the services'
      // actuators show logs and set log levels without signing in. They answer this machine
      // only, as Kafka, MongoDB and the mail server do.
      environment.put("SERVER_ADDRESS", loopback);
    } else {
      // and the gateway's own actuator too, on a port of its own as in docker-compose: readers
      // who reach the blog do not reach it, and Spring Boot Admin reads all of it without a token
      managementPort = settings.ports().gatewayManagement();
      environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
      environment.put("MANAGEMENT_SERVER_ADDRESS", loopback);
      environment.put("INKWELL_GATEWAY_ACTUATOR_OPEN", "true");
      environment.put(
          "SPRING_BOOT_ADMIN_CLIENT_INSTANCE_MANAGEMENT_BASE_URL",
          "http://localhost:" + managementPort);
    }
    if (!name.equals("admin-server")) {
      // Tokens: issued in the gateway's name (the address browsers see), keys from auth-service.
      environment.put("INKWELL_ISSUER", gatewayUrl());
      environment.put(
          "INKWELL_JWKS_URI",
          "http://localhost:" + settings.ports().authService() + "/oauth2/jwks");
      // Every service shows itself to Spring Boot Admin: health, metrics, loggers and its log.
      environment.put(
          "SPRING_BOOT_ADMIN_CLIENT_URL", "http://localhost:" + settings.ports().admin());
      environment.put(
          "SPRING_BOOT_ADMIN_CLIENT_INSTANCE_SERVICE_BASE_URL", "http://localhost:" + port);
      environment.put(
          "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE",
          "health,info,prometheus,metrics,loggers,logfile,env,threaddump,gateway");
      environment.put("MANAGEMENT_ENDPOINT_HEALTH_SHOW_DETAILS", "always");
    }
    services.add(
        started(
            ServiceProcess.start(
                name,
                jar,
                port,
                managementPort,
                environment,
                settings.data().resolve("logs"),
                settings.data().resolve("run"))));
  }

  /** Keeps what has started to stop it later, or stops it at once if the stack is stopping. */
  private <T extends AutoCloseable> T started(T component) throws Exception {
    synchronized (started) {
      if (!closed) {
        started.add(component);
        return component;
      }
    }
    component.close();
    throw new IllegalStateException("Inkwell was stopped while it started");
  }

  public String gatewayUrl() {
    return "http://localhost:" + settings.ports().gateway();
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** The owner's sign-in and the local integration's client credentials. */
  public Credentials credentials() {
    return credentials;
  }

  public MimeMessage[] receivedMail() {
    return mail.received();
  }

  /** Where the caught mail is taken, as a reader's mail client would send to the blog. */
  int smtpPort() {
    return settings.ports().smtp();
  }

  /** Where the caught mail is read, as the README reads it with curl. */
  int imapPort() {
    return settings.ports().imap();
  }

  /** The data folder: the databases, Kafka's log and the generated credentials. */
  Path dataFolder() {
    return settings.data();
  }

  List<ServiceProcess> services() {
    return List.copyOf(services);
  }

  private boolean anythingStarted() {
    synchronized (started) {
      return !started.isEmpty();
    }
  }

  private boolean stopping() {
    synchronized (started) {
      return closed;
    }
  }

  /** Stops everything in reverse order: services first, infrastructure last. */
  @Override
  public void close() {
    List<AutoCloseable> stopping;
    synchronized (started) {
      closed = true;
      stopping = new ArrayList<>(started);
      started.clear();
    }
    // All services shut down at once, none started again, not even one killed from outside
    // meanwhile; the infrastructure they drain to (Kafka, MongoDB) stops after them, all at once.
    List<AutoCloseable> processes = new ArrayList<>();
    List<AutoCloseable> infrastructure = new ArrayList<>();
    for (AutoCloseable part : stopping) {
      if (part instanceof ServiceProcess service) {
        service.stop();
        processes.add(service);
      } else {
        infrastructure.add(part);
      }
    }
    try {
      closeWithin(processes, STOP_TIMEOUT);
      closeWithin(infrastructure, STOP_TIMEOUT);
    } catch (LinkageError loggingsClassesGone) {
      // what could be stopped is stopped
    }
  }

  /** Longer than a service takes to shut down gracefully and then be killed (ServiceProcess). */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);

  /**
   * Stops the parts side by side, waiting at most {@code limit} for them all: a part that fails or
   * hangs is left, and the others are stopped all the same. The stack's own jar rebuilt under it (a
   * {@code ./mvnw verify} while it runs) leaves classes missing, and a MongoDB wire server's
   * shutdown then waits for them forever.
   */
  static void closeWithin(List<? extends AutoCloseable> parts, Duration limit) {
    Map<AutoCloseable, CompletableFuture<Void>> closing = new java.util.LinkedHashMap<>();
    for (AutoCloseable part : parts) {
      var closed = new CompletableFuture<Void>();
      var closer =
          new Thread(
              () -> {
                try {
                  part.close();
                  closed.complete(null);
                } catch (Exception | LinkageError e) {
                  closed.completeExceptionally(e);
                }
              },
              "stopping " + part);
      closer.setDaemon(true);
      closer.start();
      closing.put(part, closed);
    }
    try {
      CompletableFuture.allOf(closing.values().toArray(CompletableFuture[]::new))
          .get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException someFailedOrHung) {
      // each is told of below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closing.forEach(
        (part, closed) -> {
          if (!closed.isDone()) {
            log.warn("{} did not stop within {} s; leaving it", part, limit.toSeconds());
          } else if (closed.isCompletedExceptionally()) {
            closed.exceptionally(
                failure -> {
                  log.warn("Could not stop {} cleanly", part, failure);
                  return null;
                });
          }
        });
  }

  public static void main(String[] args) throws Exception {
    Path home =
        home(System.getenv("INKWELL_HOME"), System.getProperty("java.class.path"), Path.of(""));
    Path data =
        Path.of(System.getenv().getOrDefault("INKWELL_DATA", home.resolve(".inkwell").toString()))
            .toAbsolutePath()
            .normalize();
    StackPorts ports = StackPorts.defaults();
    long began = System.nanoTime();
    var stack = new LocalStack(new Settings(home, data, ports, true));
    var stopped = new CountDownLatch(1);
    // before anything starts: a Ctrl-C while the services start stops those started too
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (stack.anythingStarted()) {
                    log.info("Stopping Inkwell...");
                  }
                  stack.close();
                  stopped.countDown();
                }));
    try {
      stack.startAll();
    } catch (NotBuilt | AlreadyRunning e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    } catch (StoppedWhileStarting e) {
      return; // Ctrl-C while starting: the shutdown hook stops the rest
    }
    System.out.println(banner(stack, ports, data, Duration.ofNanos(System.nanoTime() - began)));
    stopped.await();
  }

  /**
   * The project's folder, where the services' jars are built: {@code INKWELL_HOME} when set, else
   * the folder this jar was built in when it runs from {@code local-stack/target} (so the stack
   * starts from any working directory), else the working directory.
   */
  static Path home(String configured, String classPath, Path workingDirectory) {
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    if (classPath != null
        && classPath.endsWith(".jar")
        && !classPath.contains(File.pathSeparator)) {
      Path jar = workingDirectory.resolve(classPath).toAbsolutePath().normalize();
      Path target = jar.getParent();
      if (target != null
          && target.getFileName().toString().equals("target")
          && target.getParent() != null
          && target.getParent().getFileName().toString().equals("local-stack")
          && target.getParent().getParent() != null) {
        return target.getParent().getParent();
      }
    }
    return workingDirectory.toAbsolutePath().normalize();
  }

  private static String banner(LocalStack stack, StackPorts ports, Path data, Duration took) {
    var services = new StringBuilder();
    for (ServiceProcess service : stack.services()) {
      services.append(
          "  %-21s %s  (log: %s)%n".formatted(service.name(), service.url(), service.log()));
    }
    Credentials credentials = stack.credentials();
    return """

        Inkwell is running (started in %d s). Ctrl-C stops it; data stays in %s

          Gateway (use this)    %s  (the blog; the API under /api, its docs at /swagger-ui.html)
          Spring Boot Admin     http://localhost:%d  (health, metrics and logs of every service)
        %s
          Kafka                 localhost:%d
          MongoDB               posts localhost:%d, comments localhost:%d, notifications localhost:%d, auth localhost:%d, web and gateway localhost:%d
          SMTP (catches mail)   localhost:%d
          IMAP (read it)        localhost:%d  - login and password are the recipient's address, e.g.
                                curl -s "imap://localhost:%d/INBOX;UID=1" -u %s:%s

          Sign in (owner)       %s / %s
          Integration           client id %s, secret %s
                                (both kept in %s)
          A token for curl:     curl -s -u %s:%s -d grant_type=client_credentials %s/oauth2/token

          Try: curl -s %s/api/posts
        """
        .formatted(
            took.toSeconds(),
            data,
            stack.gatewayUrl(),
            ports.admin(),
            services.toString().stripTrailing(),
            ports.kafka(),
            ports.postsDb(),
            ports.commentsDb(),
            ports.notificationsDb(),
            ports.authDb(),
            ports.webDb(),
            ports.smtp(),
            ports.imap(),
            ports.imap(),
            Seeder.SAMPLE_SUBSCRIBER,
            Seeder.SAMPLE_SUBSCRIBER,
            credentials.ownerEmail(),
            credentials.ownerPassword(),
            credentials.clientId(),
            credentials.clientSecret(),
            data.resolve(Credentials.FILE),
            credentials.clientId(),
            credentials.clientSecret(),
            stack.gatewayUrl(),
            stack.gatewayUrl());
  }
}
