package io.inkwell.notifications.webhook;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.SenderThread;
import io.inkwell.notifications.TraceContexts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls the webhooks of a post, site or comment event. Its own consumer group reads {@code
 * blog.post-events}, {@code blog.site-events} and {@code blog.comment-events}; every call is
 * recorded under the event and the webhook before it is made, so a redelivered event calls nobody
 * twice, and the sender makes the due ones: a POST of JSON, signed with the webhook's secret, that
 * counts as taken on a 2xx answer. Any other answer, or none within the timeout, is tried again
 * after a pause that doubles, {@code webhook-attempts} times in all; a {@code 410 Gone} removes the
 * webhook, as Ghost does. A call is made at least once: a sender that stops in the middle of one
 * leaves it to be made again, with the same {@code X-Inkwell-Delivery}.
 */
@Component
class WebhookCalls implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WebhookCalls.class);

  /** How long a call taken or given up is kept. */
  static final Duration KEPT = Duration.ofDays(30);

  /** How far post-service's clock may be ahead of this one's. */
  private static final Duration CLOCK_SLACK = Duration.ofMinutes(1);

  private final MongoTemplate mongo;
  private final Webhooks webhooks;
  private final JsonMapper json;
  private final Clock clock;
  private final String siteUrl;
  private final Duration retryBase;
  private final int mostAttempts;
  private final CloseableHttpClient http;
  private final Map<String, Counter> calls;
  private final SenderThread thread;
  private final TraceContexts traces;
  private final Duration timeout;

  /** Longer than a call can take: a call taken this long ago was let go by a stopped sender. */
  private final Duration lease;

  /** Cancels a call that outlasts the timeout, however slowly its answer keeps coming. */
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "webhook-deadline");
            thread.setDaemon(true);
            return thread;
          });

  WebhookCalls(
      MongoTemplate mongo,
      Webhooks webhooks,
      JsonMapper json,
      Clock clock,
      NotificationSettings settings,
      MeterRegistry meters,
      TraceContexts traces,
      WebhookAddresses addresses,
      @Value("${inkwell.notifications.webhook-retry-base:30s}") Duration retryBase,
      @Value("${inkwell.notifications.webhook-attempts:8}") int mostAttempts,
      @Value("${inkwell.notifications.webhook-interval:1s}") Duration interval,
      @Value("${inkwell.notifications.webhook-timeout:10s}") Duration timeout) {
    this.thread = new SenderThread("webhook-caller", interval);
    this.traces = traces;
    this.mongo = mongo;
    this.webhooks = webhooks;
    this.json = json;
    this.clock = clock;
    this.siteUrl = settings.siteUrl();
    this.retryBase = retryBase;
    this.mostAttempts = mostAttempts;
    this.timeout = timeout;
    this.lease = timeout.multipliedBy(3);
    this.http = client(addresses, timeout);
    this.calls =
        Map.of(
            "sent", counter(meters, "sent"),
            "retried", counter(meters, "retried"),
            "failed", counter(meters, "failed"));
  }

  /**
   * The HTTP client of the calls: it follows no redirect, makes no call again by itself (the
   * sender's attempts do), keeps no cookies, and connects only where {@code resolver} lets it.
   */
  static CloseableHttpClient client(DnsResolver resolver, Duration timeout) {
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(timeout.dividedBy(2)))
                        .setSocketTimeout(Timeout.of(timeout))
                        .build())
                .build())
        .setDefaultRequestConfig(
            RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build())
        .setUserAgent("Inkwell-Webhooks/1")
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .build();
  }

  private static Counter counter(MeterRegistry meters, String outcome) {
    return Counter.builder("inkwell.webhook.calls")
        .description(
            "Webhook calls taken (sent), to be tried again (retried) and given up (failed)")
        .tag("outcome", outcome)
        .register(meters);
  }

  @KafkaListener(
      topics = {
        "${inkwell.notifications.post-events-topic}",
        "${inkwell.notifications.site-events-topic:blog.site-events}",
        "${inkwell.notifications.comment-events-topic:blog.comment-events}"
      },
      groupId = "${spring.kafka.consumer.group-id:notification-service}-webhooks")
  void on(String message) {
    JsonNode event = json.readTree(message);
    String change = WebhookEvents.BY_TYPE.get(event.path("type").asString(""));
    if (change == null || event.path("imported").asBoolean(false)) {
      // imported posts were published long ago, elsewhere: nobody is told of them again
      return;
    }
    Instant occurredAt = occurredAt(event);
    Instant now = clock.instant();
    var told =
        Query.query(
                where("event")
                    .in(
                        WebhookEvents.changesTheSite(change)
                            ? List.of(change, WebhookEvents.SITE_CHANGED)
                            : List.of(change))
                    // a webhook is told of what happens once it is there, not of older events
                    // a consumer reading from the start finds (give or take the services' clocks)
                    .and("createdAt")
                    .lte(occurredAt.plus(CLOCK_SLACK)))
            .limit(Webhooks.MOST);
    for (Webhook webhook : mongo.find(told, Webhook.class)) {
      String id = event.path("eventId").asString() + ":" + webhook.id();
      try {
        mongo.insert(
            new WebhookCall(
                id,
                webhook.id(),
                webhook.event(),
                payload(id, webhook.event(), change, event),
                WebhookCall.Status.PENDING,
                0,
                now,
                null,
                now,
                traces.current()));
      } catch (DuplicateKeyException recordedBefore) {
        // the event came again: its calls are made, or will be
      }
    }
  }

  private Instant occurredAt(JsonNode event) {
    try {
      return Instant.parse(event.path("occurredAt").asString());
    } catch (RuntimeException unreadable) {
      return clock.instant();
    }
  }

  /**
   * What a receiver reads: the webhook's event, the change (the same, or what changed the site),
   * when it happened, and the post as readers see it or the blog's title and description.
   */
  private String payload(String id, String name, String change, JsonNode event) {
    ObjectNode body = json.createObjectNode();
    body.put("id", id);
    body.put("event", name);
    body.put("change", change);
    body.put("occurredAt", event.path("occurredAt").asString(null));
    if (change.equals("site.updated")) {
      ObjectNode site = body.putObject("site");
      site.put("title", event.path("title").asString(null));
      site.put("description", event.path("description").asString(null));
      return json.writeValueAsString(body);
    }
    if (change.startsWith("comment.")) {
      return json.writeValueAsString(comment(body, change, event));
    }
    ObjectNode post = body.putObject("post");
    post.put("id", event.path("postId").asString(null));
    post.put("slug", event.path("slug").asString(null));
    if (change.equals("post.published") || change.equals("post.updated")) {
      boolean page = event.path("page").asBoolean(false);
      post.put("url", siteUrl + (page ? "/pages/" : "/posts/") + event.path("slug").asString(""));
      post.put("page", page);
      for (String field : new String[] {"title", "excerpt", "tags", "author", "publishedAt"}) {
        if (event.has(field)) {
          post.set(field, event.get(field));
        }
      }
    }
    return json.writeValueAsString(body);
  }

  /**
   * Calls on a thread of its own ({@link SenderThread}), so a receiver that is slow to answer holds
   * up no other scheduled work, and a stop waits for the one call in flight.
   */
  /**
   * A comment as a moderation bot needs it: who, what, where to read or moderate it; never the
   * address a commenter gave for reply mails.
   */
  private ObjectNode comment(ObjectNode body, String change, JsonNode event) {
    String postUrl = siteUrl + "/posts/" + event.path("postSlug").asString("");
    String commentId = event.path("commentId").asString(null);
    ObjectNode comment = body.putObject("comment");
    comment.put("id", commentId);
    comment.put("parentId", event.path("parentId").asString(null));
    comment.put("authorName", event.path("authorName").asString(null));
    comment.put("excerpt", event.path("excerpt").asString(null));
    comment.put("postedAt", event.path("postedAt").asString(null));
    comment.put(
        "url",
        change.equals("comment.held")
            ? siteUrl + "/admin/comments"
            : commentId == null ? postUrl : postUrl + "#comment-" + commentId);
    ObjectNode post = body.putObject("post");
    post.put("id", event.path("postId").asString(null));
    post.put("slug", event.path("postSlug").asString(null));
    post.put("title", event.path("postTitle").asString(null));
    post.put("url", postUrl);
    return body;
  }

  /**
   * Calls taken or given up are kept a month, for the admin's list of recent calls and against an
   * event delivered again (Kafka keeps a week by default); then they go, so the collection does not
   * grow with every change for ever. Any instance may do it, as often as it likes.
   */
  @Scheduled(fixedDelayString = "${inkwell.notifications.webhook-prune-interval:6h}")
  void forgetOldCalls() {
    var done =
        Query.query(
            where("status")
                .in(WebhookCall.Status.SENT, WebhookCall.Status.FAILED)
                .and("createdAt")
                .lt(clock.instant().minus(KEPT)));
    long forgotten = mongo.remove(done, WebhookCall.class).getDeletedCount();
    if (forgotten > 0) {
      log.info("Forgot {} webhook calls older than {}", forgotten, KEPT);
    }
  }

  @Override
  public void start() {
    thread.start(this::callDue);
  }

  @Override
  public void stop() {
    thread.stop();
  }

  @PreDestroy
  void close() throws IOException {
    deadlines.shutdownNow();
    http.close();
  }

  @Override
  public boolean isRunning() {
    return thread.running();
  }

  void callDue() {
    while (thread.running()) {
      Instant now = clock.instant();
      WebhookCall call =
          mongo.findAndModify(
              Query.query(where("status").is(WebhookCall.Status.PENDING).and("dueAt").lte(now))
                  .with(Sort.by("dueAt")),
              Update.update("dueAt", now.plus(lease)),
              FindAndModifyOptions.options().returnNew(true),
              WebhookCall.class);
      if (call == null) {
        return;
      }
      Webhook webhook = mongo.findById(call.webhookId(), Webhook.class);
      if (webhook == null) {
        mongo.remove(call);
        continue;
      }
      make(call, webhook);
    }
  }

  private void make(WebhookCall call, Webhook webhook) {
    int status;
    String result;
    Span span = traces.continueWith(call.traceparent(), "webhook " + call.event());
    HttpPost request = request(call, webhook);
    // the whole answer within the timeout: a call that outlasted its lease would be made twice
    ScheduledFuture<?> deadline =
        deadlines.schedule(request::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
    try (var scope = traces.inScope(span)) {
      status =
          http.execute(
              request,
              response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
              });
      result = String.valueOf(status);
      log.info("Webhook {} answered {} to {}", webhook.id(), status, call.id());
    } catch (WebhookAddresses.PrivateAddress e) {
      status = 0;
      result = "not called: " + e.getMessage();
      span.error(e);
      log.warn("Webhook {} not called for {}: {}", webhook.id(), call.id(), e.getMessage());
    } catch (IOException e) {
      status = 0;
      result = "no answer: " + (request.isCancelled() ? tooLate() : why(e));
      span.error(e);
      log.info("Webhook {} did not answer {}: {}", webhook.id(), call.id(), e.toString());
    } finally {
      deadline.cancel(false);
      span.tag("webhook", webhook.id()).end();
    }
    Instant now = clock.instant();
    mongo.updateFirst(
        Query.query(where("_id").is(webhook.id())),
        new Update().set("lastCallAt", now).set("lastResult", result),
        Webhook.class);
    int attempts = call.attempts() + 1;
    Update update = new Update().set("attempts", attempts).set("lastResult", result);
    if (status >= 200 && status < 300) {
      update.set("status", WebhookCall.Status.SENT);
      calls.get("sent").increment();
    } else if (status == 410) {
      log.info("Webhook {} answered 410 Gone and is removed", webhook.id());
      webhooks.remove(webhook.id());
      update.set("status", WebhookCall.Status.FAILED);
      calls.get("failed").increment();
    } else if (call.event().equals("ping")) {
      // a test call is tried once: the admin who asked for it reads its answer, no operator is told
      update.set("status", WebhookCall.Status.FAILED);
    } else if (attempts >= mostAttempts) {
      log.warn(
          "Webhook {} gave up on {} after {} calls: {}", webhook.id(), call.id(), attempts, result);
      update.set("status", WebhookCall.Status.FAILED);
      calls.get("failed").increment();
    } else {
      update.set("dueAt", now.plus(retryBase.multipliedBy(1L << (attempts - 1))));
      calls.get("retried").increment();
    }
    mongo.updateFirst(Query.query(where("_id").is(call.id())), update, WebhookCall.class);
  }

  /** Why a receiver did not answer, in the words of the admin who reads it on the webhook. */
  private String why(IOException e) {
    if (e instanceof UnknownHostException) {
      return "its host name is not known";
    }
    if (e instanceof ConnectException) {
      return "nothing accepts connections at its address";
    }
    if (e instanceof SSLException) {
      return "no secure connection (" + e.getMessage() + ")";
    }
    if (e instanceof SocketTimeoutException || e instanceof ConnectTimeoutException) {
      return tooLate();
    }
    return "the connection failed (" + e.getClass().getSimpleName() + ")";
  }

  private String tooLate() {
    return "nothing within " + timeout.toSeconds() + " seconds";
  }

  private HttpPost request(WebhookCall call, Webhook webhook) {
    long timestamp = clock.instant().getEpochSecond();
    HttpPost post = new HttpPost(webhook.targetUrl());
    post.setHeader("X-Inkwell-Event", call.event());
    post.setHeader("X-Inkwell-Delivery", call.id());
    post.setHeader(
        "X-Inkwell-Signature",
        "t=" + timestamp + ",v1=" + sign(webhook.secret(), timestamp + "." + call.payload()));
    post.setEntity(
        new ByteArrayEntity(
            call.payload().getBytes(StandardCharsets.UTF_8),
            ContentType.create("application/json")));
    return post;
  }

  /** HMAC-SHA256 of the text with the secret, in hex: what a receiver computes to check a call. */
  static String sign(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
