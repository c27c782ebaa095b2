package io.inkwell.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The event contracts in {@code contracts/}, to check what the service really sends. */
public final class Contracts {

  public static final Path DIRECTORY = Path.of("../contracts");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private Contracts() {}

  /**
   * The contract's example of an event ({@code "site-changed"}) with a fresh {@code eventId}, for a
   * consumer's test to adapt and send.
   */
  public static ObjectNode example(String name) {
    try {
      var event =
          (ObjectNode)
              JSON.readTree(Files.readString(DIRECTORY.resolve("examples/" + name + ".json")));
      event.put("eventId", UUID.randomUUID().toString());
      return event;
    } catch (IOException e) {
      throw new UncheckedIOException("No example " + name, e);
    }
  }

  /**
   * The contract's example as a new event happening now: a fresh {@code eventId} and {@code
   * occurredAt} the present, as a service sends it (a post published now, say, mails the
   * subscribers there are now).
   */
  public static ObjectNode happening(String name) {
    var event = example(name);
    event.put("occurredAt", java.time.Instant.now().toString());
    return event;
  }

  /**
   * The violations of an event against the schema its {@code type} names: "PostPublished" →
   * post-published.
   */
  public static List<Error> violations(String eventJson) {
    String type = JSON.readTree(eventJson).path("type").asString();
    return violations(eventJson, type.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase());
  }

  /** The violations of a JSON document against the named contract ({@code "webhook-call"}). */
  public static List<Error> violations(String json, String contract) {
    try {
      return SCHEMAS
          .getSchema(
              Files.readString(DIRECTORY.resolve(contract + ".schema.json")), InputFormat.JSON)
          .validate(json, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException("No contract " + contract, e);
    }
  }
}
