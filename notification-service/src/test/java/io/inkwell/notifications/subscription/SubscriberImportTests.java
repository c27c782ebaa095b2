package io.inkwell.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.TestTokens;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A blog moving here brings its readers: an admin imports the subscriber list another platform
 * exported, and nobody on it is asked to confirm again, nor subscribed against their wish.
 */
class SubscriberImportTests extends IntegrationTest {

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aGhostMembersExportBringsItsSubscribersConfirmedAndItsUnsubscribedStayUnsubscribed() {
    String ada = "ada-" + run + "@Example.ORG";
    String bob = "bob-" + run + "@example.org";
    // Ghost's columns, as Excel saves them: a byte-order mark, quoted cells, Windows line ends
    String csv =
        "\uFEFFid,email,name,note,subscribed_to_emails,labels,created_at\r\n"
            + "1,"
            + ada
            + ",Ada,,true,\"Travel, Food\",2021-04-05T10:00:00.000Z\r\n"
            + "2,"
            + bob
            + ",Bob,,false,,2022-01-01T00:00:00.000Z\r\n"
            + "3,not-an-address,Nobody,,true,,\r\n"
            + "4,,Blank,,true,,\r\n"
            + "5,eve@exa_mple.org,Eve,,true,,\r\n";

    var first = importCsv(csv);
    // the same list again, its addresses in another case (each still one reader)
    var again = importCsv(csv.replace("ada-", "ADA-").replace("bob-", "Bob-"));

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().path("added").asInt()).isEqualTo(1);
    assertThat(first.json().path("unsubscribed").asInt()).isEqualTo(1);
    assertThat(first.json().path("skipped").asInt()).isEqualTo(3);
    assertThat(first.json().path("problems").toString())
        .contains("{\"line\":4,\"reason\":\"not an email address\"}")
        .contains("{\"line\":5,\"reason\":\"no address\"}")
        .as("a domain no mail server has")
        .contains("{\"line\":6,\"reason\":\"not an email address\"}");
    assertThat(again.json().path("added").asInt()).isZero();
    assertThat(again.json().path("alreadyThere").asInt()).isEqualTo(2);

    JsonNode imported = subscriber("ada-" + run + "@example.org");
    assertThat(imported.path("status").asString()).isEqualTo("CONFIRMED");
    assertThat(imported.path("tags").toString()).isEqualTo("[\"travel\",\"food\"]");
    assertThat(imported.path("createdAt").asString()).isEqualTo("2021-04-05T10:00:00Z");
    assertThat(subscriber(bob).path("status").asString()).isEqualTo("UNSUBSCRIBED");
    assertThat(TestMail.to("ada-" + run + "@example.org"))
        .as("the admin vouched for them: no confirmation mail")
        .isEmpty();
    // a later file that says otherwise does not subscribe someone who said no
    importCsv("email,status\n" + bob + ",confirmed\n");
    assertThat(subscriber(bob).path("status").asString()).isEqualTo("UNSUBSCRIBED");
  }

  /**
   * A newsletter's list of thousands, stored a thousand rows at a time: everyone is in once, also
   * an address written twice far apart in the file and one already subscribed here, and the counts
   * add up to the rows.
   */
  @Test
  void aListOfThousandsIsImportedWholeWithEachReaderOnce() {
    String known = "known-" + run + "@example.org";
    importCsv("email\n" + known + "\n");
    // paused, so that the other tests' posts are not mailed to all of them
    var csv = new StringBuilder("email,status,paused\n");
    for (int i = 0; i < 2_500; i++) {
      csv.append("reader-").append(i).append('-').append(run).append("@example.org,");
      csv.append(i % 100 == 0 ? "unsubscribed" : "subscribed").append(",true\n");
    }
    // in the third thousand: the first reader again, in capitals, and the one known already
    csv.append("READER-0-").append(run).append("@example.org,subscribed,true\n");
    csv.append(known).append(",subscribed,true\n");

    var imported = importCsv(csv.toString());

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("added").asInt()).isEqualTo(2_475);
    assertThat(imported.json().path("unsubscribed").asInt()).isEqualTo(25);
    assertThat(imported.json().path("alreadyThere").asInt()).isEqualTo(2);
    assertThat(subscriber("reader-0-" + run + "@example.org").path("status").asString())
        .as("as the first row of them says")
        .isEqualTo("UNSUBSCRIBED");
    JsonNode last = subscriber("reader-2499-" + run + "@example.org");
    assertThat(last.path("status").asString()).isEqualTo("CONFIRMED");
    assertThat(last.path("paused").asBoolean()).isTrue();
    assertThat(subscriber(known).path("paused").asBoolean()).as("left as they were").isFalse();
  }

  /**
   * Substack's list ({@code email_list.*.csv} in its export) has everyone who ever subscribed, a
   * reader who turned its mails off marked {@code email_disabled}: they are not mailed here either.
   */
  @Test
  void aSubstackListBringsItsReadersAndThoseWhoTurnedMailsOffStayUnsubscribed() {
    String ida = "ida-" + run + "@example.org";
    String max = "max-" + run + "@example.org";
    String csv =
        "email,active_subscription,expiry,plan,email_disabled,created_at,first_payment_at\n"
            + ida
            + ",false,,,false,2022-05-06T07:08:09.000Z,\n"
            + max
            + ",true,2025-01-01T00:00:00.000Z,yearly,true,2021-03-04T05:06:07.000Z,2021-03-04\n";

    var imported = importCsv(csv);

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("added").asInt()).isEqualTo(1);
    assertThat(imported.json().path("unsubscribed").asInt()).isEqualTo(1);
    assertThat(subscriber(ida).path("status").asString()).isEqualTo("CONFIRMED");
    assertThat(subscriber(ida).path("createdAt").asString()).isEqualTo("2022-05-06T07:08:09Z");
    assertThat(subscriber(max).path("status").asString()).isEqualTo("UNSUBSCRIBED");
  }

  /**
   * A list kept in a spreadsheet where the comma is the decimal mark (Excel in Germany or France)
   * is saved as "CSV" with semicolons, or as text with tabs: it imports the same.
   */
  @Test
  void aListSavedBySpreadsheetsWithSemicolonsOrTabsImportsTheSame() {
    String eva = "eva-" + run + "@example.org";
    String tom = "tom-" + run + "@example.org";

    var semicolons =
        importCsv("\uFEFFE-Mail;Name;Tags\r\n" + eva + ";\"Eva; die Erste\";Reisen,Essen\r\n");
    var tabs = importCsv("email\tname\tcreated_at\n" + tom + "\tTom, Jr.\t2020-02-02\n");

    assertThat(semicolons.status()).as(semicolons.toString()).isEqualTo(200);
    assertThat(semicolons.json().path("added").asInt()).isEqualTo(1);
    assertThat(subscriber(eva).path("tags").toString()).isEqualTo("[\"reisen\",\"essen\"]");
    assertThat(tabs.json().path("added").asInt()).as(tabs.toString()).isEqualTo(1);
    assertThat(subscriber(tom).path("createdAt").asString()).isEqualTo("2020-02-02T00:00:00Z");
  }

  /**
   * Excel on Windows saves "CSV" in Windows-1252, and a browser uploads it without saying so: its
   * accents arrive whole all the same; a file that says its character set is read in it.
   */
  @Test
  void aListInWindows1252ArrivesWithItsAccentsWholeAndADeclaredCharacterSetIsHeeded() {
    String zoe = "zoe-" + run + "@example.org";
    String lea = "lea-" + run + "@example.org";
    byte[] excel =
        ("Email;Tags\r\n" + zoe + ";Café,Zoë\r\n").getBytes(Charset.forName("windows-1252"));
    byte[] latin1 = ("email,tags\n" + lea + ",Crème\n").getBytes(StandardCharsets.ISO_8859_1);

    var fromExcel = admin().postAs("/api/subscribers/import", "text/csv", excel);
    var declared =
        admin().postAs("/api/subscribers/import", "text/csv; charset=ISO-8859-1", latin1);
    var unknown =
        admin().postAs("/api/subscribers/import", "text/csv; charset=no-such-set", latin1);

    assertThat(fromExcel.json().path("added").asInt()).as(fromExcel.toString()).isEqualTo(1);
    assertThat(subscriber(zoe).path("tags").toString()).isEqualTo("[\"café\",\"zoë\"]");
    assertThat(declared.json().path("added").asInt()).as(declared.toString()).isEqualTo(1);
    assertThat(subscriber(lea).path("tags").toString()).isEqualTo("[\"crème\"]");
    assertThat(unknown.status()).isEqualTo(415);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void thisBlogsOwnExportImportsBackWithoutChangingAnyoneAndPendingOnesAreNotConfirmed() {
    String pending = "pending-" + run + "@example.org";
    String waiting = "waiting-" + run + "@example.org";
    assertThat(api().post("/api/subscriptions", ApiClient.json(Map.of("email", pending))).status())
        .isEqualTo(202);
    String export = admin().get("/api/subscribers/export").raw().body();

    var back = importCsv(export + waiting + ",pending,,false,2024-01-01T00:00:00Z,\n");

    assertThat(back.status()).as(back.toString()).isEqualTo(200);
    assertThat(back.json().path("added").asInt()).isZero();
    assertThat(back.json().path("alreadyThere").asInt()).isPositive();
    assertThat(back.json().path("problems").toString()).contains("never confirmed");
    assertThat(subscriber(pending).path("status").asString()).isEqualTo("PENDING");
    assertThat(subscriber(waiting).isMissingNode()).isTrue();
  }

  @Test
  void aDigestReaderKeepsTheirDigestThroughTheExportAndTheImport() {
    String weekly = "weekly-" + run + "@example.org";
    String odd = "odd-" + run + "@example.org";

    var imported =
        importCsv(
            "email,status,frequency\n"
                + weekly
                + ",confirmed,weekly\n"
                + odd
                + ",confirmed,hourly\n");

    assertThat(imported.json().path("added").asInt()).as(imported.toString()).isEqualTo(2);
    assertThat(subscriber(weekly).path("frequency").asString()).isEqualTo("WEEKLY");
    assertThat(subscriber(odd).path("frequency").asString())
        .as("what no frequency here is: each post")
        .isEqualTo("INSTANTLY");
    String export = admin().get("/api/subscribers/export").raw().body();
    assertThat(export)
        .startsWith("email,status,tags,paused,subscribedAt,confirmedAt,frequency\n")
        .containsPattern(
            java.util.regex.Pattern.quote(weekly) + ",confirmed,,false,[^,]+,[^,]+,weekly");
  }

  @Test
  void aFileThatIsNoSubscriberListIsRefusedAndNobodyButAdminsImports() {
    var noEmailColumn = importCsv("name,city\nAda,London\n");
    var json =
        admin().post("/api/subscribers/import", ApiClient.json(Map.of("email", "x@example.org")));
    var editor =
        api()
            .withToken(TestTokens.staff("editor-1", "Eddie", "EDITOR"))
            .postAs("/api/subscribers/import", "text/csv", "email\nx-" + run + "@example.org\n");
    var anonymous =
        api().postAs("/api/subscribers/import", "text/csv", "email\ny-" + run + "@example.org\n");
    var brokenQuotes = importCsv("email,tags\n\"z-" + run + "@example.org,\"travel\n");

    assertThat(noEmailColumn.status()).isEqualTo(422);
    assertThat(noEmailColumn.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(noEmailColumn.text("detail")).contains("email");
    assertThat(json.status()).isEqualTo(415);
    assertThat(editor.status()).isEqualTo(403);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(brokenQuotes.status()).isEqualTo(422);
    assertThat(subscriber("z-" + run + "@example.org").isMissingNode()).isTrue();
    assertThat(subscriber("x-" + run + "@example.org").isMissingNode()).isTrue();
    assertThat(subscriber("y-" + run + "@example.org").isMissingNode()).isTrue();
  }

  private ApiClient.Response importCsv(String csv) {
    return admin().postAs("/api/subscribers/import", "text/csv", csv);
  }

  /** The subscriber with this address as the admins' list shows them; missing if none. */
  private JsonNode subscriber(String email) {
    Map<String, JsonNode> byEmail = new HashMap<>();
    String cursor = null;
    do {
      var page =
          admin().get("/api/subscribers?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
      page.json().path("items").forEach(item -> byEmail.put(item.path("email").asString(), item));
      cursor = page.json().path("nextCursor").asString(null);
    } while (cursor != null);
    return byEmail.getOrDefault(email, tools.jackson.databind.node.MissingNode.getInstance());
  }
}
