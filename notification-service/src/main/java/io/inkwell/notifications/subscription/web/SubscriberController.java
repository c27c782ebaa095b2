package io.inkwell.notifications.subscription.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.inkwell.notifications.subscription.Frequency;
import io.inkwell.notifications.subscription.Subscriber;
import io.inkwell.notifications.subscription.SubscriberDirectory;
import io.inkwell.notifications.subscription.SubscriberImport;
import io.inkwell.notifications.subscription.SubscriberStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * Admins' view of who subscribed (the only place addresses are shown): the list, an export as CSV
 * (Ghost's "Export members"), an import of such a list, and erasing one subscriber on request.
 */
@RestController
class SubscriberController {

  private final SubscriberDirectory directory;
  private final SubscriberImport imports;

  SubscriberController(SubscriberDirectory directory, SubscriberImport imports) {
    this.directory = directory;
    this.imports = imports;
  }

  record SubscriberResponse(
      String id,
      String email,
      SubscriberStatus status,
      List<String> tags,
      boolean paused,
      Frequency frequency,
      Instant createdAt,
      Instant confirmedAt,
      Instant refusedAt) {

    static SubscriberResponse of(Subscriber subscriber) {
      return new SubscriberResponse(
          subscriber.id(),
          subscriber.email(),
          subscriber.status(),
          subscriber.tags(),
          subscriber.paused(),
          subscriber.frequency(),
          subscriber.createdAt(),
          subscriber.confirmedAt(),
          subscriber.refusedAt());
    }
  }

  /** A page of subscribers; {@code total}, how many have the state asked for in all. */
  record SubscriberList(List<SubscriberResponse> items, String nextCursor, long total) {}

  @GetMapping("/api/subscribers")
  SubscriberList list(
      @RequestParam(required = false) SubscriberStatus status,
      @RequestParam(required = false) @Size(max = 254) String q,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
      @RequestParam(required = false) @Size(max = 200) String cursor) {
    var page = directory.page(status, q, limit, cursor);
    return new SubscriberList(
        page.items().stream().map(SubscriberResponse::of).toList(),
        page.nextCursor(),
        page.total());
  }

  /**
   * Every subscriber as CSV, newest first. A cell that a spreadsheet would read as a formula (a tag
   * chosen as {@code =HYPERLINK(...)}) is prefixed with an apostrophe, as OWASP advises.
   */
  @GetMapping(path = "/api/subscribers/export", produces = "text/csv")
  ResponseEntity<StreamingResponseBody> export() {
    StreamingResponseBody body =
        out -> {
          try (var rows = directory.all();
              var writer =
                  CSV.writer(SCHEMA)
                      .writeValues(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            for (var row : (Iterable<Subscriber>) rows::iterator) {
              writer.write(ExportRow.of(row));
            }
          }
        };
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("subscribers.csv").build().toString())
        .cacheControl(CacheControl.noStore())
        .body(body);
  }

  /**
   * A list of subscribers from another platform or an earlier export, as CSV with a header row: an
   * {@code email} column, and optionally {@code status} (or Ghost's {@code subscribed_to_emails}),
   * {@code tags}, {@code paused} and {@code subscribedAt} (or {@code created_at}). The admin who
   * sends it vouches that these people asked for the blog's mail.
   */
  @PostMapping(
      path = "/api/subscribers/import",
      consumes = {"text/csv", "application/csv", "text/plain"})
  SubscriberImport.Result importCsv(HttpServletRequest request) throws IOException {
    byte[] file = request.getInputStream().readNBytes(LARGEST_LIST + 1);
    if (file.length > LARGEST_LIST) {
      throw new ResponseStatusException(
          HttpStatus.CONTENT_TOO_LARGE, "The list is larger than 6 MB; import it in parts.");
    }
    return imports.importCsv(
        new StringReader(text(file, request.getHeader(HttpHeaders.CONTENT_TYPE))));
  }

  /** The largest list one import takes (the gateway lets 6 MB through to this address). */
  private static final int LARGEST_LIST = 6 * 1024 * 1024;

  /**
   * The file's text: in the character set its Content-Type names; else in UTF-8 when its bytes are
   * UTF-8, and otherwise in Windows-1252, in which Excel on Windows saves "CSV" (a list with "Zoë"
   * or "Café" in it would come out broken in UTF-8).
   */
  static String text(byte[] file, String contentType) {
    Charset declared;
    try {
      declared = contentType == null ? null : MediaType.parseMediaType(contentType).getCharset();
    } catch (IllegalArgumentException unknownCharset) {
      throw new ResponseStatusException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "The character set of " + contentType + " is not known.");
    }
    if (declared != null) {
      return new String(file, declared);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(file))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(file, Charset.forName("windows-1252"));
    }
  }

  @DeleteMapping("/api/subscribers/{id}")
  ResponseEntity<Void> erase(@PathVariable String id) {
    if (!directory.erase(id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no subscriber " + id + ".");
    }
    return ResponseEntity.noContent().build();
  }

  /** Quotes only cells that need it (a comma, a quote, a line break). */
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();

  private static final CsvSchema SCHEMA = CSV.schemaFor(ExportRow.class).withHeader();

  /** One line of the export. */
  @JsonPropertyOrder({
    "email",
    "status",
    "tags",
    "paused",
    "subscribedAt",
    "confirmedAt",
    "frequency"
  })
  record ExportRow(
      String email,
      String status,
      String tags,
      boolean paused,
      String subscribedAt,
      String confirmedAt,
      String frequency) {

    static ExportRow of(Subscriber subscriber) {
      return new ExportRow(
          cell(subscriber.email()),
          subscriber.status().name().toLowerCase(java.util.Locale.ROOT),
          cell(String.join(", ", subscriber.tags())),
          subscriber.paused(),
          String.valueOf(subscriber.createdAt()),
          subscriber.confirmedAt() == null ? "" : subscriber.confirmedAt().toString(),
          subscriber.frequency().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String cell(String text) {
      return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
  }
}
