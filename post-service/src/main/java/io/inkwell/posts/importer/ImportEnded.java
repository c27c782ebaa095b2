package io.inkwell.posts.importer;

import java.time.Instant;
import java.util.UUID;

/**
 * An import whose importer was answered before its end (ADR 49) ended: every post stored, or
 * storing stopped, so that whoever imported it hears how, as Ghost mails it (ADR 50). Waits in the
 * outbox of the import's record, keyed by the import's id; see {@code
 * contracts/import-ended.schema.json}.
 *
 * @param state {@code DONE} or {@code STOPPED}
 * @param problem where and why it stopped (stopped imports only)
 */
public record ImportEnded(
    String eventId,
    String type,
    Instant occurredAt,
    String importId,
    String from,
    By importer,
    String state,
    int total,
    int posts,
    int alreadyThere,
    int comments,
    String problem) {

  /** The imports' records, whose outboxes these wait in. */
  public static final String COLLECTION = "imports";

  /** Who imported it: a staff member, or an integration (which no mail reaches). */
  public record By(String id, String name) {}

  static ImportEnded of(Importer.Result end, String importerId) {
    return new ImportEnded(
        UUID.randomUUID().toString(),
        "ImportEnded",
        end.finishedAt(),
        end.id(),
        end.from(),
        new By(importerId, end.importedBy()),
        end.state().name(),
        end.total(),
        end.posts(),
        end.alreadyThere(),
        end.comments(),
        end.problem());
  }
}
