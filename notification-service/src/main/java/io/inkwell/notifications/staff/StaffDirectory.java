package io.inkwell.notifications.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local projection of auth-service's staff accounts, from {@code blog.staff-events}: the one
 * thing notification-service needs of them is where to mail an author. An event older than what is
 * kept (redelivered, or overtaken) changes nothing; a removed account keeps only its id.
 */
@Configuration(proxyBeanMethods = false)
public class StaffDirectory {

  private static final Set<String> MODERATORS = Set.of("OWNER", "ADMIN", "EDITOR");

  private final MongoTemplate mongo;
  private final JsonMapper json;
  private final StaffLinkMails links;

  StaffDirectory(MongoTemplate mongo, JsonMapper json, StaffLinkMails links) {
    this.mongo = mongo;
    this.json = json;
    this.links = links;
  }

  /** auth-service creates the topic too; whoever starts first does. */
  @Bean
  NewTopic staffEventsTopic(
      @Value("${inkwell.notifications.staff-events-topic:blog.staff-events}") String topic,
      @Value("${inkwell.kafka.replicas:1}") short replicas) {
    return TopicBuilder.name(topic).partitions(3).replicas(replicas).build();
  }

  /**
   * What is read of {@code contracts/staff-changed.schema.json}, {@code staff-invited.schema.json},
   * {@code password-reset-requested.schema.json}, {@code two-step-setup-code-requested.schema.json}
   * and {@code staff-security-notice.schema.json}; unknown fields are ignored.
   */
  record StaffEvent(
      String eventId,
      String type,
      Instant occurredAt,
      String staffId,
      String email,
      String name,
      String role,
      String invitedBy,
      String acceptUrl,
      String resetUrl,
      String code,
      Instant expiresAt,
      Boolean commentMails,
      Boolean reviewMails,
      Boolean suspended,
      String notice,
      String device,
      String changedBy,
      Integer recoveryCodesLeft) {}

  /** One listener for the topic: its events of one account stay in order. */
  @KafkaListener(topics = "${inkwell.notifications.staff-events-topic:blog.staff-events}")
  void on(String message) {
    StaffEvent event = json.readValue(message, StaffEvent.class);
    switch (event.type()) {
      case "StaffChanged" -> changed(event);
      case "StaffRemoved" -> removed(event);
      case "StaffInvited" ->
          links.requested(
              event.eventId(),
              StaffLinkMails.Kind.INVITATION,
              event.email(),
              event.name(),
              event.invitedBy(),
              event.acceptUrl(),
              event.expiresAt());
      case "PasswordResetRequested" ->
          links.requested(
              event.eventId(),
              StaffLinkMails.Kind.PASSWORD_RESET,
              event.email(),
              event.name(),
              null,
              event.resetUrl(),
              event.expiresAt());
      case "TwoStepSetupCodeRequested" ->
          links.codeRequested(
              event.eventId(), event.email(), event.name(), event.code(), event.expiresAt());
      case "StaffSecurityNotice" ->
          links.noticed(
              event.eventId(),
              event.email(),
              event.name(),
              new StaffLinkMails.Notice(
                  event.notice(),
                  event.device(),
                  event.changedBy(),
                  event.recoveryCodesLeft(),
                  event.occurredAt()),
              event.resetUrl());
      default -> {
        // a type this service has no use for
      }
    }
  }

  private void changed(StaffEvent event) {
    var olderOrUnknown =
        Query.query(
            where("_id")
                .is(event.staffId())
                .orOperator(
                    where("changedAt").exists(false), where("changedAt").lt(event.occurredAt())));
    var update =
        new Update()
            .set("email", event.email())
            .set("name", event.name())
            .set("role", event.role())
            .set("changedAt", event.occurredAt())
            // absent (an older auth-service): mails on, not suspended
            .set("commentMailsOff", Boolean.FALSE.equals(event.commentMails()))
            .set("reviewMailsOff", Boolean.FALSE.equals(event.reviewMails()))
            .set("suspended", Boolean.TRUE.equals(event.suspended()));
    try {
      mongo.upsert(olderOrUnknown, update, StaffMember.class);
    } catch (DuplicateKeyException newerKept) {
      // the account is known as of a later change: this event is old news
    }
  }

  /** Forgets the address and name; the id stays, marked, as of the removal. */
  private void removed(StaffEvent event) {
    mongo.upsert(
        Query.query(where("_id").is(event.staffId())),
        new Update()
            .set("removed", true)
            .set("changedAt", event.occurredAt())
            .unset("email")
            .unset("name")
            .unset("role"),
        StaffMember.class);
  }

  /**
   * Who is asked to moderate a held comment on a post by this author, as WordPress asks the site's
   * admin and the post's author when they may moderate: the author if an editor or above, and the
   * owner; not who turned comment mails off or is suspended.
   */
  public List<StaffMember> toAskToModerate(String authorId) {
    StaffMember author = member(authorId);
    var moderators = new LinkedHashMap<String, StaffMember>();
    if (author != null && MODERATORS.contains(author.role())) {
      moderators.put(author.id(), author);
    }
    StaffMember owner = owner();
    if (owner != null) {
      moderators.putIfAbsent(owner.id(), owner);
    }
    return moderators.values().stream()
        .filter(member -> !member.commentMailsOff() && !member.suspended())
        .toList();
  }

  /**
   * Who is told of comments on a post by this author: the author, or the owner when the byline
   * belongs to no staff account (imported posts, posts an integration wrote) or to a suspended one;
   * nobody when that person turned comment mails off.
   */
  public Optional<StaffMember> toTellOfCommentsBy(String authorId) {
    StaffMember author = member(authorId);
    StaffMember told = author != null && !author.suspended() ? author : owner();
    return Optional.ofNullable(told).filter(member -> !member.commentMailsOff());
  }

  /**
   * Who is asked to review a draft: everyone who may publish others' posts (the owner, admins and
   * editors), as last announced; not who is suspended or removed, nor who turned review mails off.
   */
  public List<StaffMember> editors() {
    return mongo.find(
        Query.query(
            where("role")
                .in(MODERATORS)
                .and("suspended")
                .is(false)
                .and("removed")
                .ne(true)
                .and("reviewMailsOff")
                .ne(true)),
        StaffMember.class);
  }

  /** Where to mail a staff member about their own work: none when suspended, removed or unknown. */
  public Optional<String> addressOf(String staffId) {
    return Optional.ofNullable(member(staffId))
        .filter(member -> !member.suspended())
        .map(StaffMember::email);
  }

  /** A staff account as last announced; null for none, or a removed one. */
  private StaffMember member(String id) {
    StaffMember member = id == null ? null : mongo.findById(id, StaffMember.class);
    return member == null || Boolean.TRUE.equals(member.removed()) ? null : member;
  }

  /** The blog's owner, as last announced. */
  private StaffMember owner() {
    return mongo.findOne(
        Query.query(where("role").is("OWNER")).with(Sort.by(Sort.Direction.DESC, "changedAt")),
        StaffMember.class);
  }
}
