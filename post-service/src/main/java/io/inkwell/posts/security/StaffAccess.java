package io.inkwell.posts.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A staff member's token stops working here when an admin suspends or removes them or changes their
 * role, and an integration's when an admin revokes it, as it does at the gateway (ADR 6): a request
 * that reaches post-service without passing the gateway is refused too, not served for the up to
 * ten minutes the token has left. This service follows {@code blog.staff-events} ({@code
 * StaffChanged}, {@code StaffRemoved} and {@code IntegrationRevoked}) and refuses a token issued
 * before the latest change whose holder is now locked out or whose roles are no longer theirs.
 *
 * <p>Every instance reads the whole topic from its start, all its partitions assigned to it, and
 * keeps the latest state of each staff member in memory (a few bytes each). While Kafka cannot be
 * reached it knows what it knew: tokens still expire on their own. The gateway's {@code
 * StaffAccess} is the same rule (ADR 5: each service owns its plumbing).
 */
@Component
class StaffAccess implements OAuth2TokenValidator<Jwt> {

  private static final Logger log = LoggerFactory.getLogger(StaffAccess.class);

  /**
   * @param role the role they have now
   * @param lockedOut suspended or removed
   * @param changedAt when the latest event about them happened
   */
  record Access(String role, boolean lockedOut, Instant changedAt) {}

  /**
   * What is read of {@code contracts/staff-changed}, {@code staff-removed} and {@code
   * integration-revoked} (which names a client id, the subject of the integration's tokens).
   */
  record StaffEvent(
      String type,
      String staffId,
      String clientId,
      String role,
      Boolean suspended,
      Instant occurredAt) {

    /** Whose tokens the event is about: the subject they carry. */
    String subject() {
      return "IntegrationRevoked".equals(type) ? clientId : staffId;
    }
  }

  private final Map<String, Access> staff = new ConcurrentHashMap<>();
  private final JsonMapper json;

  StaffAccess(JsonMapper json) {
    this.json = json;
  }

  /**
   * The partitions read while Kafka cannot say how many the topic has: as auth-service makes it.
   */
  static final int PARTITIONS = 3;

  @KafkaListener(
      topicPartitions =
          @TopicPartition(
              topic = "${inkwell.posts.staff-events-topic:blog.staff-events}",
              partitions =
                  "#{@staffEventPartitions.of('${inkwell.posts.staff-events-topic:blog.staff-events}')}",
              partitionOffsets = @PartitionOffset(partition = "*", initialOffset = "0")),
      // its own group: nothing it reads is committed where AuthorProfiles' group keeps its place
      groupId = "${spring.application.name}-staff-access",
      properties = "enable.auto.commit=false")
  void on(String message) {
    StaffEvent event;
    try {
      event = json.readValue(message, StaffEvent.class);
    } catch (JacksonException unreadable) {
      log.warn("Ignored an unreadable staff event: {}", unreadable.getOriginalMessage());
      return;
    }
    apply(event);
  }

  void apply(StaffEvent event) {
    if (event.subject() == null || event.occurredAt() == null) {
      return;
    }
    Access now =
        switch (String.valueOf(event.type())) {
          case "StaffChanged" ->
              new Access(event.role(), Boolean.TRUE.equals(event.suspended()), event.occurredAt());
          case "StaffRemoved", "IntegrationRevoked" -> new Access(null, true, event.occurredAt());
          default -> null;
        };
    if (now != null) {
      // events of one person share a partition, so they come in order; a replay changes nothing
      staff.merge(
          event.subject(),
          now,
          (known, newer) -> newer.changedAt().isBefore(known.changedAt()) ? known : newer);
    }
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    Access access = token.getSubject() == null ? null : staff.get(token.getSubject());
    if (access == null) {
      return OAuth2TokenValidatorResult.success(); // an integration, or nobody changed them
    }
    Instant issued = token.getIssuedAt();
    if (access.lockedOut()) {
      // nobody locked out is given a token, so one of the lock's own second (iat counts whole
      // seconds) is from before it; one issued later is of someone let in again (an integration
      // made anew with its old client id)
      return issued != null && issued.isAfter(access.changedAt())
          ? OAuth2TokenValidatorResult.success()
          : refused(
              "The account was suspended or removed, or the integration revoked, after this token"
                  + " was issued.");
    }
    // a token of a role change's own second counts as issued after it (it may carry the new role
    // while this instance has not read the change yet)
    if (issued != null && issued.plusSeconds(1).isAfter(access.changedAt())) {
      return OAuth2TokenValidatorResult.success();
    }
    List<String> roles = token.getClaimAsStringList("roles");
    if (access.role() != null && (roles == null || !roles.contains(access.role()))) {
      return refused("The account's role changed after this token was issued; sign in again.");
    }
    return OAuth2TokenValidatorResult.success();
  }

  private static OAuth2TokenValidatorResult refused(String why) {
    return OAuth2TokenValidatorResult.failure(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, why, null));
  }

  /**
   * The partitions of the staff events topic as the broker knows them, asked once at start: all of
   * them are read, however many an operator made. While Kafka cannot say (it is away, or the topic
   * is not created yet), {@link #PARTITIONS}.
   */
  @Component("staffEventPartitions")
  static class Partitions {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final ConsumerFactory<?, ?> consumers;

    Partitions(ConsumerFactory<?, ?> consumers) {
      this.consumers = consumers;
    }

    public String[] of(String topic) {
      var asking = new Properties();
      // asking must not create the topic with the broker's default partitions
      asking.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
      asking.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
      List<PartitionInfo> known = List.of();
      try (var consumer = consumers.createConsumer(null, "staff-partitions", null, asking)) {
        known = consumer.partitionsFor(topic, PATIENCE);
      } catch (KafkaException unanswered) {
        log.warn("Kafka did not say how many partitions {} has: reading {}", topic, PARTITIONS);
      }
      var numbers =
          known == null || known.isEmpty()
              ? IntStream.range(0, PARTITIONS)
              : known.stream().mapToInt(PartitionInfo::partition);
      return numbers.sorted().mapToObj(Integer::toString).toArray(String[]::new);
    }
  }
}
