package io.inkwell.notifications.subscription;

import io.inkwell.notifications.NotificationMetrics;
import io.inkwell.notifications.mail.EmailAddresses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Brings a list of subscribers over from another platform (Ghost's members export, Substack,
 * Mailchimp, WordPress plugins, or this blog's own export, whose daily and weekly digests it
 * keeps), as Ghost's "Import members" does: the admin who uploads it says these people asked for
 * the blog's mail, so they are confirmed without a confirmation mail. Whoever is known already is
 * left exactly as they are (someone who unsubscribed here is never subscribed again by a file); a
 * row that says its person unsubscribed is remembered as unsubscribed; a row still waiting for
 * confirmation is not imported (they never confirmed), nor is an address that is no address.
 */
@Service
public class SubscriberImport {

  /** At most this many rows in one file: a larger list is imported in parts. */
  public static final int MAX_ROWS = 100_000;

  private static final int PROBLEMS_SHOWN = 20;

  /** The rows looked up and stored together. */
  private static final int BATCH = 1_000;

  /** The separators a file's cells may be parted by, the comma first (it wins a tie). */
  private static final List<Character> SEPARATORS = List.of(',', ';', '\t');

  /** The longest header line the separator is looked for in. */
  private static final int LONGEST_HEADER = 64 * 1024;

  private static final List<String> EMAIL = List.of("email", "email address", "e-mail");
  private static final List<String> TAGS = List.of("tags", "labels");
  private static final List<String> SINCE =
      List.of("subscribedat", "created_at", "createdat", "subscribed at", "date");
  private static final Set<String> NOT_SUBSCRIBED =
      Set.of("unsubscribed", "false", "no", "0", "cleaned", "bouncing");

  private static final CsvMapper CSV =
      CsvMapper.builder()
          .enable(CsvReadFeature.TRIM_SPACES)
          .enable(CsvReadFeature.SKIP_EMPTY_LINES)
          .build();

  private final Subscribers subscribers;
  private final NotificationMetrics metrics;
  private final Clock clock;

  SubscriberImport(Subscribers subscribers, NotificationMetrics metrics, Clock clock) {
    this.subscribers = subscribers;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * @param added confirmed, mailed from the next post on
   * @param unsubscribed new here, remembered as not wanting mail
   * @param alreadyThere known before (or twice in the file), left as they were
   * @param skipped invalid addresses and rows still waiting for confirmation
   * @param problems the first of the skipped rows, by line
   */
  public record Result(
      int added, int unsubscribed, int alreadyThere, int skipped, List<Problem> problems) {}

  /**
   * @param line the file's line number (the header is line 1)
   */
  public record Problem(long line, String reason) {}

  /** The file has no email column, cannot be read as CSV, or is too long: nothing is imported. */
  public static class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message);
    }
  }

  /**
   * Reads the whole file first, so an unreadable one imports nothing, then stores it in batches of
   * {@link #BATCH} rows: who of a batch is known already is asked in one query, and the new ones
   * are inserted together, so that a list of tens of thousands is in within its request.
   */
  public Result importCsv(Reader csv) {
    List<Row> rows = read(csv);
    int skipped = 0;
    List<Problem> problems = new ArrayList<>();
    List<Row> addresses = new ArrayList<>();
    for (Row row : rows) {
      if (row.problem() == null) {
        addresses.add(row);
      } else {
        skipped++;
        if (problems.size() < PROBLEMS_SHOWN) {
          problems.add(new Problem(row.line(), row.problem()));
        }
      }
    }
    Set<String> seen = new HashSet<>();
    List<Subscriber> stored = new ArrayList<>();
    for (int from = 0; from < addresses.size(); from += BATCH) {
      stored.addAll(
          store(addresses.subList(from, Math.min(from + BATCH, addresses.size())), seen, now()));
    }
    int added = 0;
    for (Subscriber subscriber : stored) {
      if (subscriber.status() == SubscriberStatus.CONFIRMED) {
        added++;
        metrics.subscription("imported");
      }
    }
    return new Result(
        added,
        stored.size() - added,
        addresses.size() - stored.size(),
        skipped,
        List.copyOf(problems));
  }

  /**
   * The batch's people who are new here, stored; those known already, or met before in the file
   * ({@code seen}), are left as they are.
   */
  private List<Subscriber> store(List<Row> batch, Set<String> seen, Instant now) {
    Set<String> known = new HashSet<>();
    subscribers
        .findByEmailKeyIn(batch.stream().map(row -> Subscriber.keyOf(row.email())).toList())
        .forEach(subscriber -> known.add(subscriber.emailKey()));
    List<Subscriber> fresh = new ArrayList<>();
    for (Row row : batch) {
      String key = Subscriber.keyOf(row.email());
      if (!known.contains(key) && seen.add(key)) {
        fresh.add(row.subscriber(now));
      }
    }
    try {
      subscribers.insert(fresh);
      return fresh;
    } catch (DuplicateKeyException subscribedMeanwhile) {
      // someone of the batch subscribed while it was read: the rest of it one by one, ours (by
      // the id given here) counted as stored
      List<Subscriber> stored = new ArrayList<>();
      for (Subscriber subscriber : fresh) {
        if (subscribers.existsById(subscriber.id())) {
          stored.add(subscriber);
          continue;
        }
        try {
          stored.add(subscribers.insert(subscriber));
        } catch (DuplicateKeyException sameAddress) {
          // theirs is kept as it is
        }
      }
      return stored;
    }
  }

  private record Row(
      long line,
      String email,
      SubscriberStatus status,
      List<String> tags,
      boolean paused,
      Frequency frequency,
      Instant since,
      String problem) {

    static Row problem(long line, String why) {
      return new Row(line, null, null, List.of(), false, Frequency.INSTANTLY, null, why);
    }

    Subscriber subscriber(Instant now) {
      Instant joined = since == null ? now : since;
      return new Subscriber(
          UUID.randomUUID().toString(),
          email,
          status,
          tags,
          paused,
          joined,
          status == SubscriberStatus.CONFIRMED ? joined : null,
          frequency);
    }
  }

  private List<Row> read(Reader file) {
    List<Row> rows = new ArrayList<>();
    var csv = new BufferedReader(file, LONGEST_HEADER);
    try (MappingIterator<Map<String, String>> lines =
        CSV.readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(separator(csv)))
            .readValues(csv)) {
      while (lines.hasNextValue()) {
        long line = lines.currentLocation().getLineNr(); // where the row starts
        Map<String, String> cells = lines.nextValue();
        if (rows.isEmpty() && !hasColumn(cells, EMAIL)) {
          throw new Unreadable("The file needs a column named email (or \"Email Address\").");
        }
        if (rows.size() == MAX_ROWS) {
          throw new Unreadable("The file has more than " + MAX_ROWS + " rows; import it in parts.");
        }
        rows.add(row(line, cells));
      }
    } catch (JacksonException unreadable) {
      throw new Unreadable("This is not a readable CSV file: " + unreadable.getOriginalMessage());
    }
    return rows;
  }

  /**
   * What the file's cells are parted by, as its header line shows: a comma; the semicolon a
   * spreadsheet writes where the comma is the decimal mark (Excel and LibreOffice in Germany,
   * France, Spain, Italy, Portugal save "CSV" so); or a tab. Whichever of them the header has most
   * of, outside quotes; a comma when it has none. The file is read on from its start.
   */
  private static char separator(BufferedReader csv) {
    try {
      csv.mark(LONGEST_HEADER);
      var header = new StringBuilder();
      for (int c = csv.read();
          c != -1 && c != '\n' && header.length() < LONGEST_HEADER - 1;
          c = csv.read()) {
        header.append((char) c);
      }
      csv.reset();
      return separatorOf(header);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static char separatorOf(CharSequence header) {
    var counts = new LinkedHashMap<Character, Integer>();
    SEPARATORS.forEach(separator -> counts.put(separator, 0));
    boolean quoted = false;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && counts.containsKey(c)) {
        counts.merge(c, 1, Integer::sum);
      }
    }
    char most = ',';
    for (var count : counts.entrySet()) {
      if (count.getValue() > counts.get(most)) {
        most = count.getKey();
      }
    }
    return most;
  }

  private static Row row(long line, Map<String, String> cells) {
    String email = column(cells, EMAIL);
    if (email == null || email.isBlank()) {
      return Row.problem(line, "no address");
    }
    String address = email.strip();
    if (address.startsWith("'")) {
      address = address.substring(1); // this blog's export guards cells a spreadsheet would run
    }
    var mailable = EmailAddresses.normalised(address);
    if (mailable.isEmpty()) {
      return Row.problem(line, "not an email address");
    }
    String state =
        String.valueOf(column(cells, List.of("status", "subscribed_to_emails", "subscribed")))
            .strip()
            .toLowerCase(Locale.ROOT);
    if ("pending".equals(state)) {
      return Row.problem(line, "never confirmed");
    }
    // Substack's list: a reader who turned its mails off is on it, with email_disabled true
    boolean mailsOff =
        "true".equalsIgnoreCase(String.valueOf(column(cells, List.of("email_disabled"))).strip());
    return new Row(
        line,
        mailable.get(),
        NOT_SUBSCRIBED.contains(state) || mailsOff
            ? SubscriberStatus.UNSUBSCRIBED
            : SubscriberStatus.CONFIRMED,
        tags(column(cells, TAGS)),
        "true".equalsIgnoreCase(String.valueOf(column(cells, List.of("paused"))).strip()),
        frequency(column(cells, List.of("frequency", "email frequency"))),
        instant(column(cells, SINCE)),
        null);
  }

  /** "daily", "weekly" (this blog's export); anything else is each post as it is published. */
  private static Frequency frequency(String cell) {
    String value = cell == null ? "" : cell.strip().toUpperCase(Locale.ROOT);
    return value.equals("DAILY") || value.equals("WEEKLY")
        ? Frequency.valueOf(value)
        : Frequency.INSTANTLY;
  }

  private static List<String> tags(String cell) {
    if (cell == null || cell.isBlank()) {
      return List.of();
    }
    return Arrays.stream(cell.split("[,;]"))
        .map(SubscriptionManagement::normalisedTag)
        .map(tag -> tag.startsWith("'") ? tag.substring(1) : tag)
        .filter(tag -> !tag.isEmpty() && tag.length() <= 100)
        .distinct()
        .toList();
  }

  /** An instant ("2024-01-20T09:12:44Z") or a day ("2024-01-20"); none when unreadable. */
  private static Instant instant(String cell) {
    if (cell == null || cell.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(cell.strip()).truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException notAnInstant) {
      try {
        return LocalDate.parse(cell.strip().substring(0, Math.min(10, cell.strip().length())))
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notADay) {
        return null;
      }
    }
  }

  private static boolean hasColumn(Map<String, String> cells, List<String> names) {
    return cells.keySet().stream().anyMatch(key -> names.contains(name(key)));
  }

  /** A cell by any of the names its column goes by, in any case. */
  private static String column(Map<String, String> cells, List<String> names) {
    for (var cell : cells.entrySet()) {
      if (names.contains(name(cell.getKey()))) {
        return cell.getValue();
      }
    }
    return null;
  }

  /** A column's name as written, without case, space or the byte-order mark Excel starts with. */
  private static String name(String header) {
    return header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
