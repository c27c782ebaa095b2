package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.SignIn;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/**
 * The admin's tools beyond writing, as the owner uses them in a browser without JavaScript:
 * deleting a post, the discussion settings and blocklist, integrations and webhooks, and the
 * Blogger import.
 */
class AdminToolsTests {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static LocalStack stack;
  private static ApiClient reader;
  private static ApiClient bot;

  @BeforeAll
  static void start() throws Exception {
    stack = TestStack.get();
    reader = new ApiClient(stack.gatewayUrl());
    bot = reader.withToken(TestStack.integrationToken());
  }

  private static SiteBrowser owner() throws Exception {
    var browser = new SiteBrowser(stack);
    var credentials = stack.credentials();
    Document admin = browser.signIn(credentials.ownerEmail(), credentials.ownerPassword());
    assertThat(SiteBrowser.menu(admin)).contains("Integrations", "Import / export");
    return browser;
  }

  @Test
  void aPostInTheTrashIsOffTheBlogUntilRestoredAndGoesForGoodOnlyAfterAsking() throws Exception {
    var browser = owner();
    Map<String, String> fields =
        SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    String title = "Regretted " + UUID.randomUUID();
    fields.put("title", title);
    fields.put("body", "Better not.");
    fields.put("action", "publish");
    var published = browser.submit("/admin/posts", fields);
    String editorPath = published.uri().getPath();
    String id = editorPath.substring(editorPath.lastIndexOf('/') + 1);
    assertThat(reader.get("/api/posts/" + id).status()).isEqualTo(200);

    // "Move to trash": at once, back to the list it was in, with an "Undo"
    Document editor = Jsoup.parse(published.body(), published.uri().toString());
    var trashed =
        browser.submit(
            editor.select("button[formaction*=/trash]").attr("formaction"),
            SiteBrowser.fields(editor, "form#editor"));
    Document list = Jsoup.parse(trashed.body(), trashed.uri().toString());
    assertThat(trashed.uri().getQuery()).isEqualTo("status=PUBLISHED");
    assertThat(list.select("form.notice span").text())
        .isEqualTo("Moved “" + title + "” to the trash.");
    assertThat(reader.get("/api/posts/" + id).status()).isEqualTo(404);

    var undone =
        browser.submit(
            list.select("form.notice").attr("action"), SiteBrowser.fields(list, "form.notice"));
    Document restored = Jsoup.parse(undone.body(), undone.uri().toString());
    assertThat(undone.uri().getPath()).isEqualTo(editorPath);
    assertThat(restored.select(".notice").text())
        .isEqualTo("Restored “" + title + "”: it is a draft again.");
    assertThat(restored.select("#post-status").text()).isEqualTo("draft");

    // in the trash again, it waits in the Trash tab, where deleting it for good asks first
    browser.submit(
        restored.select("button[formaction*=/trash]").attr("formaction"),
        SiteBrowser.fields(restored, "form#editor"));
    Document trash = browser.page("/admin?status=TRASHED");
    var row =
        trash.select(".admin-table tbody tr").stream()
            .filter(tr -> tr.text().contains(title))
            .findFirst()
            .orElseThrow();
    assertThat(row.select("button").text()).isEqualTo("Restore");
    assertThat(browser.page("/admin/posts/" + id).select("#post-status").text())
        .isEqualTo("in the trash");
    Document confirm = browser.page(row.select("a.danger-link").attr("href"));
    assertThat(confirm.select("main").text()).contains(title).contains("cannot be undone");
    assertThat(bot.get("/api/posts/" + id).status()).as("asking deletes nothing").isEqualTo(200);

    var deleted =
        browser.submit(
            confirm.select("form[action$=/delete]").attr("action"),
            SiteBrowser.fields(confirm, "form[action$=/delete]"));

    assertThat(deleted.uri().getQuery()).isEqualTo("status=TRASHED");
    assertThat(Jsoup.parse(deleted.body()).select(".notice").text())
        .isEqualTo("Deleted “" + title + "” for good.");
    assertThat(bot.get("/api/posts/" + id).status()).isEqualTo(404);
  }

  @Test
  void aDuplicateIsANewDraftWithThePostsWordsAndTagsWhileThePostStaysAsItWas() throws Exception {
    var browser = owner();
    Map<String, String> fields =
        SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    String title = "Monthly notes " + UUID.randomUUID();
    fields.put("title", title);
    fields.put("body", "What happened in *March*.");
    fields.put("tags", "notes, monthly");
    fields.put("action", "publish");
    var published = browser.submit("/admin/posts", fields);
    String id = published.uri().getPath().substring("/admin/posts/".length());
    Document editor = Jsoup.parse(published.body(), published.uri().toString());

    var copied =
        browser.submit(
            editor.select("form[action$=/duplicate]").attr("action"),
            SiteBrowser.fields(editor, "form[action$=/duplicate]"));

    String copyId = copied.uri().getPath().substring("/admin/posts/".length());
    assertThat(copyId).isNotEqualTo(id);
    Document copy = Jsoup.parse(copied.body());
    assertThat(copy.select(".notice").text()).startsWith("A copy of “" + title + "”");
    assertThat(copy.select("#post-status").text()).isEqualTo("draft");
    var words = SiteBrowser.fields(copy, "form#editor");
    assertThat(words.get("title")).isEqualTo(title + " (copy)");
    assertThat(words.get("body")).isEqualTo("What happened in *March*.");
    assertThat(words.get("tags")).isEqualTo("notes, monthly");
    assertThat(reader.get("/api/posts/" + copyId).status())
        .as("nobody reads it yet")
        .isEqualTo(404);
    assertThat(reader.get("/api/posts/" + id).text("title")).isEqualTo(title);
  }

  @Test
  void theOwnerClosesCommentsOnOnePostAndReadersAreToldSo() throws Exception {
    var browser = owner();
    Map<String, String> fields =
        SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    fields.put("title", "Announcement " + UUID.randomUUID());
    fields.put("body", "No discussion on this one.");
    fields.put("commentsOpen", "false");
    fields.put("action", "publish");

    var published = browser.submit("/admin/posts", fields);

    Document editor = Jsoup.parse(published.body());
    assertThat(editor.select("select[name=commentsOpen] option[selected]").val())
        .isEqualTo("false");
    String path = published.uri().getPath();
    String id = path.substring(path.lastIndexOf('/') + 1);
    String slug = reader.get("/api/posts/" + id).text("slug");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                reader
                        .post(
                            "/api/posts/" + id + "/comments",
                            ApiClient.json(
                                Map.of(
                                    "authorName", "Ada",
                                    "authorEmail", "ada@example.org",
                                    "body", "Let me in",
                                    "renderedAt", Instant.now().minusSeconds(60).toString())))
                        .status()
                    == 409);
    Document page = Jsoup.parse(browser.get("/posts/" + slug).body());
    assertThat(page.select("#comments .notice").text()).isEqualTo("Comments are closed.");
    assertThat(page.select("form#comment-form")).isEmpty();

    Map<String, String> reopen = SiteBrowser.fields(editor, "form#editor");
    reopen.put("commentsOpen", "true");
    reopen.put("action", "save");
    browser.submit(path, reopen);
    await()
        .atMost(PATIENCE)
        .until(
            () -> Jsoup.parse(browser.get("/posts/" + slug).body()).select("form#comment-form"),
            form -> !form.isEmpty());
  }

  @Test
  void theOwnerWritesAPageThatOpensAtItsOwnAddress() throws Exception {
    var browser = owner();
    Map<String, String> fields =
        SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    fields.put("title", "Contact " + UUID.randomUUID().toString().substring(0, 8));
    fields.put("body", "Write to *us*.");
    fields.put("page", "true");
    fields.put("action", "publish");

    Document editor = Jsoup.parse(browser.submit("/admin/posts", fields).body());

    assertThat(editor.select("h1").text()).isEqualTo("Edit page");
    String view = editor.select(".status-line a").attr("href");
    assertThat(view).startsWith("/pages/");
    Document page = browser.page(view);
    assertThat(page.select("article h1").text()).isEqualTo(fields.get("title"));
    assertThat(page.select("article .body em").text()).isEqualTo("us");
    assertThat(
            browser
                .page("/admin?status=PUBLISHED")
                .select("td:contains(" + fields.get("title") + ") .kind")
                .text())
        .isEqualTo("page");
  }

  @Test
  void theOwnerPublishesACorrectionWithoutMailingTheSubscribers() throws Exception {
    var browser = owner();
    Map<String, String> fields =
        SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    String title = "A small correction " + UUID.randomUUID();
    fields.put("title", title);
    fields.put("body", "The date in yesterday's post was wrong.");
    fields.put("mailSubscribers", "false");
    fields.put("action", "publish");

    Document editor = Jsoup.parse(browser.submit("/admin/posts", fields).body());

    assertThat(editor.select(".notice").text()).isEqualTo("Published, without mail.");
    assertThat(editor.select(".status-line").text()).contains("not mailed to subscribers");
    assertThat(editor.select("#delivery-summary")).isEmpty();
    // A post published after it is mailed; by then the correction would have been too.
    Map<String, String> next = SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    String later = "Real news " + UUID.randomUUID();
    next.put("title", later);
    next.put("body", "Mailed.");
    next.put("action", "publish");
    browser.submit("/admin/posts", next);
    await()
        .atMost(PATIENCE)
        .until(() -> TestStack.mailsTo(Seeder.SAMPLE_SUBSCRIBER, later).size() == 1);
    assertThat(TestStack.mailsTo(Seeder.SAMPLE_SUBSCRIBER, title)).isEmpty();
  }

  @Test
  void theOwnerImportsTheOldBlogsSubscribersWhoGetTheNextPostWithoutConfirmingAgain()
      throws Exception {
    var browser = owner();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String reader = "moved-" + run + "@example.org";
    String gone = "gone-" + run + "@example.org";
    byte[] list =
        ("email,subscribed_to_emails,created_at\n"
                + reader
                + ",true,2020-02-02T00:00:00.000Z\n"
                + gone
                + ",false,2020-02-02T00:00:00.000Z\n")
            .getBytes(StandardCharsets.UTF_8);
    Document page = browser.page("/admin/subscribers");
    var form =
        Map.of(
            "_csrf",
            page.select("form[action$=/admin/subscribers/import] input[name=_csrf]").val(),
            "consent",
            "true");

    Document imported =
        Jsoup.parse(
            browser.upload("/admin/subscribers/import", form, "list", "members.csv", list).body());

    assertThat(imported.select(".notice").text())
        .isEqualTo(
            "Imported 1 subscriber, and 1 who unsubscribed there (not mailed). 0 were here"
                + " already.");
    assertThat(TestStack.mailsTo(reader)).as("no confirmation asked of them").isEmpty();
    String title = "For the readers who moved " + run;
    String id =
        bot.post("/api/posts", ApiClient.json(Map.of("title", title, "body", "Welcome.")))
            .text("id");
    bot.post("/api/posts/" + id + "/publish", "");
    await().atMost(PATIENCE).until(() -> TestStack.mailsTo(reader, title).size() == 1);
    assertThat(TestStack.mailsTo(gone)).isEmpty();
    // a file that is no subscriber list is refused, and the list page says why
    Document refused =
        Jsoup.parse(
            browser
                .upload(
                    "/admin/subscribers/import",
                    form,
                    "list",
                    "notes.csv",
                    "name\nAda\n".getBytes(StandardCharsets.UTF_8))
                .body());
    assertThat(refused.select(".error").text()).contains("email");
    assertThat(refused.select(".notice")).isEmpty();
  }

  /** Substack's "Add subscribers": addresses typed or pasted, no file, no confirmation mail. */
  @Test
  void theOwnerAddsSubscribersByTypingTheirAddresses() throws Exception {
    var browser = owner();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String ada = "ada-" + run + "@example.org";
    String grace = "grace-" + run + "@example.org";
    Document page = browser.page("/admin/subscribers");
    var form = SiteBrowser.fields(page, "form[action$=/admin/subscribers/add]");
    form.put("addresses", ada + ",\n " + grace + "; not-an-address-" + run);
    form.put("consent", "true");

    Document added = Jsoup.parse(browser.submit("/admin/subscribers/add", form).body());

    assertThat(added.select(".notice").text())
        .startsWith(
            "Imported 2 subscribers. 0 were here already. Left out: 1 (not-an-address-" + run);
    Document listed = browser.page("/admin/subscribers?q=" + run);
    assertThat(listed.select("table.admin-table td").eachText()).contains(ada, grace);
    assertThat(TestStack.mailsTo(ada)).as("no confirmation asked of them").isEmpty();

    // again, the domain typed in capitals: nobody is added twice
    form.put("addresses", ada.replace("example.org", "EXAMPLE.org"));
    Document again = Jsoup.parse(browser.submit("/admin/subscribers/add", form).body());
    assertThat(again.select(".notice").text()).startsWith("Imported 0 subscribers. 1 was here");
  }

  @Test
  void theOwnerApprovesAHeldCommentAndAnswersItFromTheQueue() throws Exception {
    String question = "Will there be slides? " + UUID.randomUUID();
    String postId = TestStack.postWithAHeldComment("Questions welcome", question);
    var browser = owner();
    var held = queued(browser, "/admin/comments", question);
    var form = held.selectFirst("form.reply");
    var fields = SiteBrowser.fields(form);
    fields.put("body", "Yes, on *Monday*.");

    Document after = Jsoup.parse(browser.submit(form.attr("action"), fields).body());

    assertThat(after.select(".notice").text()).isEqualTo("Approved, and your reply is under it.");
    String slug = reader.get("/api/posts/" + postId).text("slug");
    Document page = browser.page("/posts/" + slug);
    var thread = page.select("#comments article.comment");
    assertThat(thread.get(0).text()).contains(question);
    assertThat(thread.get(1).select(".comment-meta strong").text()).isEqualTo("Blog owner");
    assertThat(thread.get(1).select(".staff-badge")).hasSize(1);
    var initials = thread.get(1).selectFirst(".comment-meta .avatar");
    assertThat(initials.text()).isEqualTo("BO");
    assertThat(initials.attr("aria-hidden")).as("the name beside it says it").isEqualTo("true");
    assertThat(thread.get(1).select(".comment-body em").text()).isEqualTo("Monday");
  }

  @Test
  void aWaveOfSpamFoundBySearchGoesToTheSpamWithOneBulkAction() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String first = "Cheap watches " + run;
    String postId = TestStack.postWithAHeldComment("Open house " + run, first);
    String second = "Cheap bags " + run;
    assertThat(
            reader
                .post(
                    "/api/posts/" + postId + "/comments",
                    ApiClient.json(
                        Map.of(
                            "authorName",
                            "Bob",
                            "authorEmail",
                            UUID.randomUUID() + "@example.org",
                            "body",
                            second,
                            "renderedAt",
                            Instant.now().minusSeconds(60).toString())))
                .status())
        .isEqualTo(201);
    var browser = owner();
    // WordPress's "Search Comments": the words of the wave find it among every post's comments
    Document queue = browser.page("/admin/comments?q=" + run.toUpperCase());
    assertThat(queue.select("#comment-total").text()).isEqualTo("2 comments match");
    var bulk = queue.selectFirst("form#bulk");
    assertThat(bulk.select("select[name=action] option").eachAttr("value"))
        .containsExactly("approve", "reject", "spam");
    var ticked =
        queue.select("input[name=ids][form=bulk]").stream()
            .map(box -> Map.entry("ids", box.val()))
            .toList();
    assertThat(ticked).hasSize(2);
    var fields = SiteBrowser.fields(bulk);
    fields.put("action", "spam");

    Document after = Jsoup.parse(browser.submit(bulk.attr("action"), fields, ticked).body());

    assertThat(after.select(".notice").text()).isEqualTo("Marked 2 comments as spam.");
    assertThat(after.select("input#q").val()).as("still searching").isEqualTo(run.toUpperCase());
    assertThat(after.select("li.queued")).isEmpty();
    assertThat(after.select(".empty").text()).isEqualTo("No comments match.");
    assertThat(
            browser
                .page("/admin/comments?status=SPAM&post=" + postId)
                .select("li.queued .comment-body")
                .eachText())
        .containsExactlyInAnyOrder(first, second);
    Document nothingTicked =
        Jsoup.parse(browser.submit(bulk.attr("action"), SiteBrowser.fields(bulk)).body());
    assertThat(nothingTicked.select(".error").text())
        .isEqualTo("Tick the comments first, then choose what becomes of them.");
  }

  @Test
  void aQueueLongerThanAPageGoesOnToTheOlderCommentsAndBack() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String oldest = "The first to write " + run;
    String postId = TestStack.postWithAHeldComment("Busy thread " + run, oldest);
    for (int i = 1; i <= 50; i++) {
      var answer =
          reader.post(
              "/api/posts/" + postId + "/comments",
              ApiClient.json(
                  Map.of(
                      "authorName",
                      "Reader " + i,
                      "authorEmail",
                      UUID.randomUUID() + "@example.org",
                      "body",
                      "Comment " + i + " of " + run,
                      "renderedAt",
                      Instant.now().minusSeconds(60).toString())));
      assertThat(answer.status()).isEqualTo(201);
    }
    var browser = owner();

    Document first = browser.page("/admin/comments?post=" + postId);
    assertThat(first.select("li.queued")).hasSize(50);
    assertThat(first.select("li.queued .comment-body").first().text())
        .isEqualTo("Comment 50 of " + run);
    assertThat(first.select("li.queued .comment-body").eachText()).doesNotContain(oldest);
    var older = first.selectFirst("nav.paging a[rel=next]");
    assertThat(older.text()).isEqualTo("Older comments");

    Document second = browser.page(older.attr("href"));
    assertThat(second.select("li.queued .comment-body").eachText()).containsExactly(oldest);
    assertThat(second.select("nav.paging a[rel=next]")).as("the last page").isEmpty();
    assertThat(second.select("nav.paging a").eachText()).containsExactly("Newest");
  }

  @Test
  void aCommentRejectedByMistakeIsApprovedAgainFromTheRejectedTab() throws Exception {
    String kind = "Kind words, not spam " + UUID.randomUUID();
    String postId = TestStack.postWithAHeldComment("Thank-you notes", kind);
    var browser = owner();
    var held = queued(browser, "/admin/comments?post=" + postId, kind);
    var reject = held.selectFirst("form[action$=/reject]");
    browser.submit(reject.attr("action"), SiteBrowser.fields(reject));
    assertThat(reader.get("/api/posts/" + postId + "/comments").raw().body()).doesNotContain(kind);

    Document rejected = browser.page("/admin/comments?status=REJECTED&post=" + postId);

    assertThat(rejected.select(".tabs a[aria-current=page]").text()).isEqualTo("Rejected");
    var kept = rejected.selectFirst("li.queued");
    assertThat(kept.text()).contains(kind);
    assertThat(kept.select("form button").eachText()).containsExactly("Approve", "Spam");
    var approve = kept.selectFirst("form[action$=/approve]");
    browser.submit(approve.attr("action"), SiteBrowser.fields(approve));
    assertThat(reader.get("/api/posts/" + postId + "/comments").raw().body()).contains(kind);

    // WordPress's "Empty Trash": what is rejected now goes for good, from the list of all posts'
    String unkind = "Unkind words " + UUID.randomUUID();
    String otherPost = TestStack.postWithAHeldComment("Harsh notes", unkind);
    String unkindId =
        bot.get("/api/comments?status=PENDING&postId=" + otherPost)
            .json()
            .path("items")
            .get(0)
            .path("id")
            .asString();
    bot.post("/api/comments/" + unkindId + "/reject", "");
    Document all = browser.page("/admin/comments?status=REJECTED");
    var empty = all.selectFirst("form[action$=/admin/comments/empty-rejected]");
    Document emptied =
        Jsoup.parse(browser.submit(empty.attr("action"), SiteBrowser.fields(empty)).body());
    assertThat(emptied.select(".notice").text()).matches("Deleted \\d+ rejected comments?\\.");
    assertThat(emptied.select("li.queued")).isEmpty();
    assertThat(bot.get("/api/comments/" + unkindId).status()).isEqualTo(404);
    assertThat(reader.get("/api/posts/" + postId + "/comments").raw().body())
        .as("the approved one stays")
        .contains(kind);
  }

  @Test
  void theOwnerCorrectsAnApprovedCommentAndReadersSeeTheCorrection() throws Exception {
    String slip = "Call me on 555-0100 " + UUID.randomUUID();
    String postId = TestStack.postWithAHeldComment("Phone numbers", slip);
    var browser = owner();
    var held = queued(browser, "/admin/comments", slip);
    var approve = held.selectFirst("form[action$=/approve]");
    browser.submit(approve.attr("action"), SiteBrowser.fields(approve));
    // the post's editor counts its comments and leads to them, as WordPress's post list does
    Document postEditor = browser.page("/admin/posts/" + postId);
    assertThat(postEditor.select("#post-comments").text()).isEqualTo("1 comment");
    Document ofThePost = browser.page(postEditor.select("#post-comments").attr("href"));
    assertThat(ofThePost.select(".status-line").text()).startsWith("On “Phone numbers");
    assertThat(ofThePost.select("li.queued .comment-body").eachText()).containsExactly(slip);
    // what readers see is on the Approved tab, each with its Edit
    var shown = queued(browser, "/admin/comments?status=APPROVED", slip);
    assertThat(shown.select("button").eachText()).doesNotContain("Approve");
    Document editing = browser.page(shown.select("a.edit-link").attr("href"));
    var fields = SiteBrowser.fields(editing, "form[action$=/edit]");
    assertThat(fields.get("body")).isEqualTo(slip);
    fields.put("body", "");
    Document refused =
        Jsoup.parse(
            browser.submit(editing.select("form[action$=/edit]").attr("action"), fields).body());
    assertThat(refused.select(".error").text()).isNotEmpty();
    fields.put("body", "Call me, *please*.");

    var saved = browser.submit(editing.select("form[action$=/edit]").attr("action"), fields);

    assertThat(saved.uri().getQuery()).isEqualTo("status=APPROVED");
    assertThat(Jsoup.parse(saved.body()).select(".notice").text()).startsWith("Saved the comment");
    String slug = reader.get("/api/posts/" + postId).text("slug");
    Document page = browser.page("/posts/" + slug);
    assertThat(page.select("#comments .comment-body").eachText())
        .contains("Call me, please.")
        .noneMatch(text -> text.contains("555-0100"));
  }

  @Test
  void theOwnerChoosesWhoWaitsForAModerator() throws Exception {
    var browser = owner();
    Document settings = browser.page("/admin/comments/settings");
    String before = settings.select("input[name=policy][checked]").val();
    String beforeDays = settings.select("input[name=closeAfterDays]").val();
    assertThat(before).isNotBlank();
    try {
      var fields = SiteBrowser.fields(settings, "form[action$=/admin/comments/settings]");
      fields.put("policy", "HOLD_ALL");
      fields.put("closeAfterDays", "30");

      Document saved = Jsoup.parse(browser.submit("/admin/comments/settings", fields).body());

      assertThat(saved.select(".notice").text()).startsWith("Saved");
      assertThat(saved.select("input[name=policy][checked]").val()).isEqualTo("HOLD_ALL");
      var chosen = bot.get("/api/comments/settings").json();
      assertThat(chosen.path("policy").asString()).isEqualTo("HOLD_ALL");
      assertThat(chosen.path("closeAfterDays").asInt()).isEqualTo(30);

      fields.put("closeAfterDays", "soon");
      Document refused = Jsoup.parse(browser.submit("/admin/comments/settings", fields).body());
      assertThat(refused.select("[role=alert]").text()).contains("number of days");
      assertThat(bot.get("/api/comments/settings").json().path("closeAfterDays").asInt())
          .isEqualTo(30);
    } finally {
      var restore =
          SiteBrowser.fields(
              browser.page("/admin/comments/settings"), "form[action$=/admin/comments/settings]");
      restore.put("policy", before);
      restore.put("closeAfterDays", beforeDays);
      browser.submit("/admin/comments/settings", restore);
    }
    assertThat(bot.get("/api/comments/settings").json().path("policy").asString())
        .isEqualTo(before);
  }

  @Test
  void aDomainOnTheBlocklistSendsItsCommentsToSpamUntilItIsRemoved() throws Exception {
    var browser = owner();
    String domain = "spam-" + UUID.randomUUID() + ".example";
    Document settings = browser.page("/admin/comments/settings");
    var block = SiteBrowser.fields(settings, "form[action$=/admin/comments/blocklist]");
    block.put("kind", "DOMAIN");
    block.put("value", domain);

    Document blocked = Jsoup.parse(browser.submit("/admin/comments/blocklist", block).body());

    assertThat(blocked.select(".notice").text()).contains(domain);
    assertThat(blocked.select("table.admin-table td").eachText()).contains(domain);
    // typed again, in capitals: it is on the list once
    block.put("value", domain.toUpperCase());
    blocked = Jsoup.parse(browser.submit("/admin/comments/blocklist", block).body());
    assertThat(blocked.select(".notice").text()).contains("on the blocklist already");
    assertThat(blocked.select("table.admin-table td").eachText()).containsOnlyOnce(domain);

    String postId =
        bot.post("/api/posts", ApiClient.json(Map.of("title", "Guarded", "body", "b"))).text("id");
    bot.post("/api/posts/" + postId + "/publish", "");
    String body = "Cheap pills " + UUID.randomUUID();
    var comment = TestStack.commentOnceKnown(postId, "Seller", "seller@" + domain, body);
    assertThat(comment.text("status")).as("it looks held to the sender").isEqualTo("PENDING");
    Document spam = browser.page("/admin/comments?status=SPAM");
    assertThat(spam.select("li.queued").text()).contains(body);
    // WordPress's "Empty Spam": the whole queue goes at once
    var empty = spam.selectFirst("form[action$=/admin/comments/empty-spam]");
    assertThat(empty.select("button").text()).startsWith("Delete");
    Document emptied =
        Jsoup.parse(browser.submit(empty.attr("action"), SiteBrowser.fields(empty)).body());
    assertThat(emptied.select(".notice").text()).startsWith("Deleted");
    assertThat(emptied.select("li.queued")).isEmpty();

    var row =
        blocked.select("table.admin-table tr").stream()
            .filter(tr -> tr.text().contains(domain))
            .findFirst()
            .orElseThrow();
    var remove = row.selectFirst("form");
    var removed =
        Jsoup.parse(browser.submit(remove.attr("action"), SiteBrowser.fields(remove)).body());

    assertThat(removed.select(".notice").text()).contains("Removed");
    assertThat(removed.select("table.admin-table td").eachText()).doesNotContain(domain);
    assertThat(bot.get("/api/comments/blocklist").raw().body()).doesNotContain(domain);
  }

  @Test
  void anIntegrationsSecretIsShownOnceAndRevokingItRefusesItsTokens() throws Exception {
    var browser = owner();
    String name = "Publisher " + UUID.randomUUID();
    var add =
        SiteBrowser.fields(
            browser.page("/admin/integrations"), "form[action$=/admin/integrations]");
    add.put("name", name);

    Document created = Jsoup.parse(browser.submit("/admin/integrations", add).body());

    String clientId = created.select("#client-id").text();
    String secret = created.select("#client-secret").text();
    assertThat(secret).isNotBlank();
    assertThat(created.select("pre code").text()).contains(clientId).contains("/oauth2/token");
    var signIn = new SignIn(stack.gatewayUrl());
    var program = reader.withToken(signIn.clientCredentials(clientId, secret));
    assertThat(program.get("/api/posts?status=DRAFT").status()).isEqualTo(200);

    Document later = browser.page("/admin/integrations");
    assertThat(later.select("#client-secret")).as("shown once").isEmpty();
    assertThat(later.text()).doesNotContain(secret).contains(name);

    var row =
        later.select("table.admin-table tr").stream()
            .filter(tr -> tr.text().contains(name))
            .findFirst()
            .orElseThrow();
    var revoke = row.selectFirst("form");
    Document revoked =
        Jsoup.parse(browser.submit(revoke.attr("action"), SiteBrowser.fields(revoke)).body());

    assertThat(revoked.select(".notice").text()).startsWith(name + " is revoked");
    assertThat(revoked.text()).doesNotContain(clientId);
    assertThat(signIn.clientCredentialsResponse(clientId, secret).statusCode()).isEqualTo(401);
    // a leaked token is refused too, within seconds, not when it runs out ten minutes later
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(program.get("/api/posts?status=DRAFT").status()).isEqualTo(401));
  }

  /**
   * A webhook the owner adds in the admin is called, through the whole platform, when a post is
   * published: post-service's event, notification-service's signed POST to the address given.
   */
  @Test
  void aWebhookTheOwnerAddsIsToldOfTheNextPublishedPost() throws Exception {
    var calls = new java.util.concurrent.ConcurrentLinkedQueue<String>();
    var receiver =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("localhost", 0), 0);
    receiver.createContext(
        "/rebuild",
        exchange -> {
          calls.add(
              exchange.getRequestHeaders().getFirst("X-Inkwell-Event")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try {
      var browser = owner();
      String name = "Rebuild " + UUID.randomUUID();
      Document page = browser.page("/admin/integrations");
      var add = SiteBrowser.fields(page, "form[action$=/admin/webhooks]");
      assertThat(page.select("#webhook-event option").eachText())
          .contains("post.published", "post.deleted");
      add.put("name", name);
      add.put("event", "post.published");
      add.put("targetUrl", "http://localhost:" + receiver.getAddress().getPort() + "/rebuild");
      Document added = Jsoup.parse(browser.submit("/admin/webhooks", add).body());
      assertThat(added.select("#webhook-secret").text()).hasSizeGreaterThanOrEqualTo(40);

      String title = "Hooked " + UUID.randomUUID();
      String id =
          bot.post("/api/posts", ApiClient.json(Map.of("title", title, "body", "Rebuild me.")))
              .text("id");
      // in a trace of the publisher's: the call is made within it
      String traceId = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16));
      assertThat(
              bot.post(
                      "/api/posts/" + id + "/publish",
                      "",
                      "traceparent",
                      "00-" + traceId + "-00f067aa0ba902b7-01")
                  .status())
          .isEqualTo(200);

      await().atMost(PATIENCE).until(() -> calls.stream().anyMatch(call -> call.contains(title)));
      assertThat(calls.stream().filter(call -> call.contains(title)))
          .singleElement()
          .satisfies(call -> assertThat(call).startsWith("post.published {"));
      Element row =
          await()
              .atMost(PATIENCE)
              .until(
                  () ->
                      browser.page("/admin/integrations").select("#webhook-list tr").stream()
                          .filter(tr -> tr.text().contains(name))
                          .findFirst()
                          .orElseThrow(),
                  tr -> tr.select(".webhook-result").text().equals("204"));
      String webhookPage = row.selectFirst("a").attr("href");
      String webhookId = webhookPage.substring(webhookPage.lastIndexOf('/') + 1);
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  TestStack.logged(
                      "notification-service", traceId, "Webhook " + webhookId + " answered 204"));
      // its recent calls: the one about the post, taken
      Document recent = browser.page(webhookPage);
      assertThat(recent.select("h1").text()).isEqualTo("Webhook " + name);
      assertThat(recent.select("#webhook-calls tbody tr"))
          .singleElement()
          .satisfies(tr -> assertThat(tr.text()).contains("post.published", title, "taken", "204"));
      // and a test call, GitHub's ping, from its page
      var ping = recent.selectFirst("form#webhook-ping");
      Document pinged =
          Jsoup.parse(browser.submit(ping.attr("action"), SiteBrowser.fields(ping)).body());
      assertThat(pinged.select(".notice").text()).startsWith("A test call is on its way");
      await()
          .atMost(PATIENCE)
          .until(() -> calls.stream().anyMatch(call -> call.startsWith("ping {")));
      Element remove = row.selectFirst("form");
      Document removed =
          Jsoup.parse(browser.submit(remove.attr("action"), SiteBrowser.fields(remove)).body());
      assertThat(removed.select(".notice").text()).startsWith(name + " is removed");
      assertThat(removed.select("#webhook-list").text()).doesNotContain(name);
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void theOwnerExportsTheSubscribersAndErasesOneWhoAskedToBeForgotten() throws Exception {
    var browser = owner();
    String address = "forget-me-" + UUID.randomUUID() + "@example.org";
    assertThat(reader.post("/api/subscriptions", ApiClient.json(Map.of("email", address))).status())
        .isEqualTo(202);

    Document pending = browser.page("/admin/subscribers?status=PENDING");
    assertThat(pending.select("table td").eachText()).contains(address);
    assertThat(pending.select("main .hint").first().text())
        .contains("not confirmed")
        .contains("within 30 days are forgotten");
    assertThat(browser.page("/admin/subscribers?status=CONFIRMED").select("table td").eachText())
        .doesNotContain(address)
        .contains(Seeder.SAMPLE_SUBSCRIBER);
    // Ghost's member search: a part of the address, in any case
    String part = address.substring(0, address.indexOf('@')).toUpperCase();
    Document list = browser.page("/admin/subscribers?q=" + part);
    assertThat(list.select("#subscriber-total").text()).isEqualTo("1 subscriber match");
    assertThat(list.select("table.admin-table tbody tr")).hasSize(1);
    var export = browser.get(list.select("a[download]").attr("href"));
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment; filename=\"subscribers-");
    assertThat(export.body()).startsWith("email,status,tags").contains(address + ",pending");

    var erase =
        list.select("table.admin-table tr").stream()
            .filter(row -> row.text().contains(address))
            .findFirst()
            .orElseThrow()
            .selectFirst("a.danger-link");

    assertThat(erase(browser, erase, address).select(".notice").text())
        .isEqualTo(address + " is erased: no more mail, and the address is gone.");
    assertThat(browser.get("/admin/subscribers/export").body()).doesNotContain(address);
  }

  /**
   * Someone whose address a stranger typed said "Did not ask? Never mail me": the list shows it,
   * and the form mails the address nothing. When they write to the blog that they want the posts
   * after all, the owner erases the address, and the form works for it again.
   */
  @Test
  void theOwnerSeesWhoDidNotAskAndErasingThemLetsThemSubscribeLater() throws Exception {
    String address = "did-not-ask-" + UUID.randomUUID() + "@example.org";
    var subscribe = ApiClient.json(Map.of("email", address));
    reader.post("/api/subscriptions", subscribe);
    var never =
        Pattern.compile("/subscriptions/never\\?token=([A-Za-z0-9_.-]+)")
            .matcher(TestStack.text(TestStack.mailsTo(address).get(0)));
    assertThat(never.find()).isTrue();
    assertThat(reader.post("/api/subscriptions/never?token=" + never.group(1), "").status())
        .isEqualTo(200);
    var browser = owner();

    var row =
        browser.page("/admin/subscribers?q=" + address).selectFirst("table.admin-table tbody tr");
    assertThat(row.select("td").get(1).text()).isEqualTo("unsubscribed (did not ask)");
    reader.post("/api/subscriptions", subscribe);
    assertThat(TestStack.mailsTo(address)).hasSize(1);

    erase(browser, row.selectFirst("a.danger-link"), address);
    assertThat(reader.post("/api/subscriptions", subscribe).status()).isEqualTo(202);
    assertThat(TestStack.mailsTo(address)).as("a new asking").hasSize(2);
  }

  /** The erase link of the address's row, and the button of the page it opens, which names it. */
  private static Document erase(SiteBrowser browser, Element link, String address)
      throws Exception {
    Document confirm = browser.page(link.attr("href"));
    assertThat(confirm.select("main strong").text()).isEqualTo(address);
    var form = confirm.select("form").last();
    return Jsoup.parse(browser.submit(form.attr("action"), SiteBrowser.fields(form)).body());
  }

  /**
   * WordPress's "Erase Personal Data": a reader who commented and subscribed asks to be forgotten;
   * the owner gives their address once, and their comment stays under "Anonymous" while their
   * subscription is gone.
   */
  @Test
  void theOwnerErasesTheAddressOfAReaderWhoAskedToBeForgotten() throws Exception {
    String address = "Erin-" + UUID.randomUUID() + "@example.org";
    String words = "Lovely write-up " + UUID.randomUUID();
    String postId =
        bot.post("/api/posts", ApiClient.json(Map.of("title", "Forget me not", "body", "b")))
            .text("id");
    bot.post("/api/posts/" + postId + "/publish", "");
    // and asks to hear of later comments on the post (Blogger's "Notify me")
    var comment = TestStack.commentOnceKnown(postId, "Erin Example", address, words, true);
    bot.post("/api/comments/" + comment.text("id") + "/approve", "");
    assertThat(reader.post("/api/subscriptions", ApiClient.json(Map.of("email", address))).status())
        .isEqualTo(202);
    String slug = reader.get("/api/posts/" + postId).text("slug");
    var browser = owner();
    assertThat(browser.page("/posts/" + slug).select("#comments .comment-meta strong").eachText())
        .containsExactly("Erin Example");

    Document form =
        browser.page(
            browser.page("/admin/subscribers").select("a[href=/admin/privacy]").attr("href"));
    var fields = SiteBrowser.fields(form.selectFirst("form[action$=/admin/privacy/erase]"));
    fields.put("email", address.toLowerCase(java.util.Locale.ROOT));
    // first, what is kept of them, as one file to give them (WordPress's "Export Personal Data")
    var json = tools.jackson.databind.json.JsonMapper.builder().build();
    // once notification-service has heard of the approved comment, it keeps the following too,
    // and the mail that asks them to confirm it
    var export =
        await()
            .atMost(PATIENCE)
            .until(
                () -> browser.submit("/admin/privacy/export", fields),
                answer ->
                    json.readTree(answer.body()).path("followedPosts").size() == 1
                        && json.readTree(answer.body()).path("commentMails").size() == 1);
    assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment; filename=\"personal-data-");
    var kept = json.readTree(export.body());
    assertThat(kept.path("followedPosts").get(0).path("postUrl").asString()).endsWith("/" + slug);
    assertThat(kept.path("comments").get(0).path("notifyOnComments").asBoolean()).isTrue();
    assertThat(kept.path("comments").findValuesAsString("body")).containsExactly(words);
    assertThat(kept.path("comments").findValuesAsString("authorName"))
        .containsExactly("Erin Example");
    assertThat(kept.path("subscription").path("status").asString()).isEqualTo("PENDING");
    Document confirm = Jsoup.parse(browser.submit("/admin/privacy/erase", fields).body());
    assertThat(confirm.select("main strong").text())
        .isEqualTo(address.toLowerCase(java.util.Locale.ROOT));
    Document erased =
        Jsoup.parse(
            browser
                .submit(
                    "/admin/privacy/erase", SiteBrowser.fields(confirm.select("main form").last()))
                .body());

    assertThat(erased.select(".notice").text())
        .isEqualTo(
            address.toLowerCase(java.util.Locale.ROOT)
                + " is forgotten. 1 comment now says \"Anonymous\". Their subscription is erased."
                // the mail that asked them to confirm following the post's comments
                + " 1 record of mails to them deleted.");
    var thread = browser.page("/posts/" + slug).select("#comments article.comment");
    assertThat(thread.select(".comment-meta strong").eachText()).containsExactly("Anonymous");
    assertThat(thread.select(".comment-meta .avatar").eachText())
        .as("nor do their initials stay")
        .containsExactly("A");
    assertThat(thread.select(".comment-body").text()).as("the words stay").isEqualTo(words);
    assertThat(browser.page("/posts/" + slug).text()).doesNotContain("Erin Example");
    assertThat(browser.page("/admin/subscribers?q=" + address).select("#subscriber-total").text())
        .isEqualTo("0 subscribers match");
    var keptNow = json.readTree(browser.submit("/admin/privacy/export", fields).body());
    assertThat(keptNow.path("comments")).as("nothing of theirs is kept").isEmpty();
    assertThat(keptNow.path("subscription").isNull()).isTrue();
    assertThat(keptNow.path("commentMails")).isEmpty();
    assertThat(keptNow.path("followedPosts")).isEmpty();
  }

  @Test
  void theOwnerImportsABloggerExportFromTheImportPageAndAgainAddsNothing() throws Exception {
    var browser = owner();
    long blog = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    String label = "travel " + blog;
    byte[] export = export(blog, label).getBytes(StandardCharsets.UTF_8);
    Document page = browser.page("/admin/import");
    var csrf = Map.of("_csrf", page.select("form[action$=/admin/import] input[name=_csrf]").val());

    Document imported =
        Jsoup.parse(browser.upload("/admin/import", csrf, "export", "blog.xml", export).body());

    assertThat(imported.select(".notice").text()).startsWith("Imported 1 post and 1 comment.");
    // the page lists it among the latest imports, whoever else imports meanwhile
    assertThat(imported.select("section[aria-labelledby=imports-title] tbody tr").eachText())
        .anySatisfy(
            run -> assertThat(run).contains("Blogger").endsWith("Done: 1 new post and 1 comment"));
    var posts = reader.get("/api/posts?tag=" + label.replace(" ", "%20")).json().path("items");
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).path("title").asString()).isEqualTo("Lisbon in June");
    assertThat(posts.get(0).path("publishedAt").asString()).startsWith("2008-06-12");
    String postId = posts.get(0).path("id").asString();
    await()
        .atMost(PATIENCE)
        .until(
            () -> reader.get("/api/posts/" + postId + "/comments").raw().body(),
            thread -> thread.contains("Lovely city"));

    Document again =
        Jsoup.parse(browser.upload("/admin/import", csrf, "export", "blog.xml", export).body());
    assertThat(again.select(".notice").text())
        .isEqualTo("Imported 0 posts and 0 comments. 1 post was here already.");

    Document notAnExport =
        Jsoup.parse(
            browser
                .upload(
                    "/admin/import",
                    csrf,
                    "export",
                    "notes.xml",
                    "<notes>not Blogger</notes>".getBytes(StandardCharsets.UTF_8))
                .body());
    assertThat(notAnExport.select("[role=alert]").text()).isNotBlank();
  }

  /**
   * Google Takeout's download as it came, with both blogs of the owner's Google account and their
   * pictures, more than an export file alone may be: the owner names the blog, and its posts come
   * in, not the other's.
   */
  @Test
  void theOwnerImportsOneBlogOfGoogleTakeoutsArchiveAsItCame() throws Exception {
    var browser = owner();
    long lisbon = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    long porto = lisbon + 1;
    var archive = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(archive)) {
      zip.putNextEntry(new ZipEntry("Takeout/Blogger/Blogs/Away in Lisbon/feed.atom"));
      zip.write(export(lisbon, "takeout " + lisbon).getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("Takeout/Blogger/Blogs/Porto/feed.atom"));
      zip.write(export(porto, "takeout " + porto).getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("Takeout/Blogger/Albums/Away in Lisbon/tram.jpg"));
      byte[] picture = new byte[7 * 1024 * 1024];
      ThreadLocalRandom.current().nextBytes(picture);
      zip.write(picture);
    }
    var form = importForm(browser, "blogger");
    var named = new HashMap<>(form);
    named.put("blog", "away in lisbon");

    Document unnamed =
        Jsoup.parse(
            browser
                .upload("/admin/import", form, "export", "takeout.zip", archive.toByteArray())
                .body());
    Document imported =
        Jsoup.parse(
            browser
                .upload("/admin/import", named, "export", "takeout.zip", archive.toByteArray())
                .body());

    assertThat(unnamed.select("[role=alert]").text())
        .isEqualTo(
            "This archive holds 2 blogs (Away in Lisbon, Porto); say which one to import by its"
                + " name.");
    assertThat(imported.select(".notice").text()).startsWith("Imported 1 post and 1 comment.");
    var posts = reader.get("/api/posts?tag=takeout%20" + lisbon).json().path("items");
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).path("title").asString()).isEqualTo("Lisbon in June");
    assertThat(reader.get("/api/posts?tag=takeout%20" + porto).json().path("items")).isEmpty();
  }

  /** The Import page's fields, with the platform the file comes from. */
  private static Map<String, String> importForm(SiteBrowser browser, String from) throws Exception {
    Document page = browser.page("/admin/import");
    return Map.of(
        "_csrf", page.select("form[action$=/admin/import] input[name=_csrf]").val(), "from", from);
  }

  @Test
  void theOwnerImportsAGhostExportAndItsOldAddressesLeadToTheNewPages() throws Exception {
    var browser = owner();
    String run = UUID.randomUUID().toString().substring(0, 8);
    byte[] export =
        """
        {"db": [{"meta": {"exported_on": 1700000000000, "version": "5.75.0"},
          "data": {
            "posts": [{"id": "p-%1$s", "uuid": "ghost-%1$s", "title": "Low tide",
              "slug": "low-tide-%1$s", "html": "<p>The sand bar showed at noon.</p>",
              "type": "post", "status": "published", "visibility": "public",
              "published_at": "2023-08-02T12:00:00.000Z", "custom_excerpt": "Sand at noon."}],
            "posts_meta": [{"post_id": "p-%1$s", "meta_title": "Low tide at noon, %1$s"}],
            "users": [{"id": "u-%1$s", "name": "Ida Shore", "slug": "ida-%1$s"}],
            "posts_authors": [{"post_id": "p-%1$s", "author_id": "u-%1$s", "sort_order": 0}],
            "tags": [], "posts_tags": []}}]}
        """
            .formatted(run)
            .getBytes(StandardCharsets.UTF_8);
    var form = importForm(browser, "ghost");

    Document imported =
        Jsoup.parse(browser.upload("/admin/import", form, "export", "ghost.json", export).body());

    assertThat(imported.select(".notice").text()).startsWith("Imported 1 post and 0 comments.");
    // a reader follows a link to the Ghost blog's address of the post
    var old = reader.get("/low-tide-" + run + "/");
    assertThat(old.status()).isEqualTo(301);
    assertThat(old.header("Location")).isEqualTo("/posts/low-tide-" + run);
    Document post = new SiteBrowser(stack).page("/posts/low-tide-" + run);
    assertThat(post.select("article.post h1").text()).isEqualTo("Low tide");
    assertThat(post.select("article.post .body p").eachText())
        .containsExactly("The sand bar showed at noon.");
    assertThat(post.title()).isEqualTo("Low tide at noon, " + run);
    Document notGhost =
        Jsoup.parse(
            browser
                .upload(
                    "/admin/import",
                    form,
                    "export",
                    "notes.json",
                    "{\"notes\": []}".getBytes(StandardCharsets.UTF_8))
                .body());
    assertThat(notGhost.select("[role=alert]").text()).contains("Ghost export");
  }

  @Test
  void theOwnerImportsALargeSubstackArchiveAndItsOldAddressesLeadToTheNewPosts() throws Exception {
    var browser = owner();
    String run = UUID.randomUUID().toString().substring(0, 8);
    // Substack's id of a post: its number, then its slug, its address /p/{slug}
    String postId =
        ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L) + ".tides-" + run;
    var archive = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(archive)) {
      zip.putNextEntry(new ZipEntry("posts.csv"));
      zip.write(
          ("post_id,post_date,is_published,type,audience,title,subtitle\n"
                  + postId
                  + ",2024-03-21T08:00:00.000Z,true,newsletter,everyone,Spring tides,The highest\n")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("posts/" + postId + ".html"));
      zip.write(
          ("<p>The water reached the harbour wall.</p><p class=\"button-wrapper\">"
                  + "<a class=\"button primary\" href=\"%%share_url%%\"><span>Share</span></a></p>")
              .getBytes(StandardCharsets.UTF_8));
      // who opened it: most of a large newsletter's archive, beyond other exports' 6 MB
      zip.putNextEntry(new ZipEntry("posts/" + postId + ".opens.csv"));
      byte[] opens = new byte[7 * 1024 * 1024];
      ThreadLocalRandom.current().nextBytes(opens);
      zip.write(opens);
    }
    var form = importForm(browser, "substack");

    Document imported =
        Jsoup.parse(
            browser
                .upload("/admin/import", form, "export", "substack.zip", archive.toByteArray())
                .body());

    assertThat(imported.select(".notice").text()).startsWith("Imported 1 post and 0 comments.");
    // a reader follows a link to the newsletter's address of the post, /p/{slug}
    var old = reader.get("/p/tides-" + run);
    assertThat(old.status()).isEqualTo(301);
    assertThat(old.header("Location")).isEqualTo("/posts/tides-" + run);
    Document post = new SiteBrowser(stack).page("/posts/tides-" + run);
    assertThat(post.select("article.post h1").text()).isEqualTo("Spring tides");
    assertThat(post.select("article.post .body").text())
        .isEqualTo("The water reached the harbour wall.");
    assertThat(post.select("article.post time").first().attr("datetime")).startsWith("2024-03-21");
  }

  @Test
  void theOwnerImportsAWritersMediumStoriesAndTheirMediumAddressesLeadHere() throws Exception {
    var browser = owner();
    String run = UUID.randomUUID().toString().substring(0, 8);
    // Medium's id of a story: hexadecimal, the end of its address /@writer/{slug}-{id}
    String id = Long.toHexString(ThreadLocalRandom.current().nextLong(1L << 44, 1L << 47));
    var archive = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(archive)) {
      zip.putNextEntry(new ZipEntry("posts/2021-09-04_Night-ferry-" + id + ".html"));
      zip.write(
          """
          <html><body><article class="h-entry"><header><h1 class="p-name">Night ferry</h1></header>
          <section data-field="subtitle" class="p-summary">Crossing at two</section>
          <section data-field="body" class="e-content"><h3 class="graf graf--title">Night ferry</h3>
          <p class="graf graf--p">The ferry left at two, lit like a town.</p></section>
          <footer><p>By <a href="https://medium.com/@ida" class="p-author h-card">Ida Shore</a> on
          <time class="dt-published" datetime="2021-09-04T02:00:00.000Z">September 4</time>.</p>
          <p><a href="https://medium.com/@ida/night-ferry-%1$s-%2$s" class="p-canonical">link</a></p>
          </footer></article></body></html>
          """
              .formatted(run, id)
              .getBytes(StandardCharsets.UTF_8));
    }

    // the page's box to copy pictures is ticked unless the owner unticks it
    var form = new HashMap<>(importForm(browser, "medium"));
    form.put("copyPictures", "true");
    Document imported =
        Jsoup.parse(
            browser
                .upload("/admin/import", form, "export", "medium-export.zip", archive.toByteArray())
                .body());

    assertThat(imported.select(".notice").text())
        .as("a story without pictures has none being copied")
        .isEqualTo("Imported 1 post and 0 comments.");
    var old = reader.get("/@ida/night-ferry-" + run + "-" + id);
    assertThat(old.status()).isEqualTo(301);
    assertThat(old.header("Location")).isEqualTo("/posts/night-ferry-" + run);
    Document post = new SiteBrowser(stack).page("/posts/night-ferry-" + run);
    assertThat(post.select("article.post h1").text()).isEqualTo("Night ferry");
    assertThat(post.select("article.post .body").text())
        .isEqualTo("The ferry left at two, lit like a town.");
  }

  @Test
  void theImportPageListsThePicturesThatStayedOnTheOldHostAndWhy() throws Exception {
    var browser = owner();
    String run = UUID.randomUUID().toString().substring(0, 8);
    // a Ghost 5 export, whose pictures' addresses leave out the old blog's, which the owner gives:
    // a host inside the platform's network here, which is never fetched
    byte[] export =
        """
        {"db": [{"data": {"posts": [{"id": "p-%1$s", "uuid": "ghost-%1$s",
          "title": "Boats %1$s", "slug": "boats-%1$s", "type": "post", "status": "published",
          "published_at": "2023-08-02T12:00:00.000Z",
          "html": "<p>Out at six.</p><img src=\\"__GHOST_URL__/content/images/boats-%1$s.jpg\\" alt=\\"Boats\\">"}]}}]}
        """
            .formatted(run)
            .getBytes(StandardCharsets.UTF_8);
    var form = new HashMap<>(importForm(browser, "ghost"));
    form.put("copyPictures", "true");
    form.put("site", "http://127.0.0.1:9000/");

    Document imported =
        Jsoup.parse(browser.upload("/admin/import", form, "export", "ghost.json", export).body());

    assertThat(imported.select(".notice").text())
        .startsWith("Imported 1 post and 0 comments.")
        .contains("The pictures and files of 1 post are being copied");
    String left =
        "Boats "
            + run
            + " http://127.0.0.1:9000/content/images/boats-"
            + run
            + ".jpg 127.0.0.1 inside this blog's network";
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(picturesLeft(browser, run)).containsExactly(left));
    assertThat(new SiteBrowser(stack).page("/posts/boats-" + run).select("article img").attr("src"))
        .isEqualTo("http://127.0.0.1:9000/content/images/boats-" + run + ".jpg");

    // the owner may have them tried once more; what is inside the network stays refused
    Document page = browser.page("/admin/import");
    Document retried =
        Jsoup.parse(
            browser
                .submit(
                    "/admin/import/pictures",
                    SiteBrowser.fields(page, "form[action$=/admin/import/pictures]"))
                .body());
    assertThat(retried.select(".notice").text())
        .startsWith("The pictures and files that stayed are tried");
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              Document now = browser.page("/admin/import");
              assertThat(now.select("#pictures-title ~ p[role=status]").text())
                  .doesNotContain("still to come");
              assertThat(picturesLeft(now, run)).containsExactly(left);
            });
  }

  /** The Import page's rows of pictures left on their old host, of this run's post. */
  private static List<String> picturesLeft(SiteBrowser browser, String run) throws Exception {
    return picturesLeft(browser.page("/admin/import"), run);
  }

  private static List<String> picturesLeft(Document page, String run) {
    return page.select("#pictures-title ~ div tr").stream()
        .map(Element::text)
        .filter(row -> row.contains("Boats " + run))
        .toList();
  }

  @Test
  void theOwnerImportsAWordPressExportAndLinksToTheOldBlogLeadToTheNewPages() throws Exception {
    var browser = owner();
    long site = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    byte[] export = wordPressExport(site).getBytes(StandardCharsets.UTF_8);
    var form = importForm(browser, "wordpress");

    Document imported =
        Jsoup.parse(browser.upload("/admin/import", form, "export", "site.xml", export).body());

    assertThat(imported.select(".notice").text()).startsWith("Imported 2 posts and 1 comment.");
    // a reader follows a link to the old blog's pretty address, and one to a plain ?p= address
    var pretty = reader.get("/2020/03/01/spring-tides-" + site + "/");
    assertThat(pretty.status()).isEqualTo(301);
    assertThat(pretty.header("Location")).isEqualTo("/posts/spring-tides-" + site);
    var plain = reader.get("/?p=" + site);
    assertThat(plain.status()).isEqualTo(301);
    assertThat(plain.header("Location")).isEqualTo("/pages/contact-" + site);
    Document post = new SiteBrowser(stack).page("/posts/spring-tides-" + site);
    assertThat(post.select("article.post h1").text()).isEqualTo("Spring tides");
    assertThat(post.select("article.post .body p").eachText())
        .containsExactly("The sea came up to the wall,", "and went.");
    await()
        .atMost(PATIENCE)
        .until(
            () -> new SiteBrowser(stack).page("/posts/spring-tides-" + site).text(),
            text -> text.contains("Wet feet?"));
    var nowhere = reader.get("/2020/03/01/never-was-" + site + "/");
    assertThat(nowhere.status()).isEqualTo(404);
    assertThat(Jsoup.parse(nowhere.raw().body()).select("h1").text())
        .isEqualTo("This page is not here");

    // and the blog, with what came from WordPress, goes out again as a WordPress file
    var download = browser.get("/admin/export");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"inkwell-");
    assertThat(download.body())
        .contains("<wp:post_name><![CDATA[spring-tides-" + site + "]]></wp:post_name>")
        .contains("<wp:post_type><![CDATA[page]]></wp:post_type>")
        // its comment, which comment-service keeps, is in the file too
        .contains("Wet feet?");
  }

  /** A WordPress export of one post with a comment and one page, at plain ?p= addresses. */
  /** The comment in the moderation list at {@code path} whose text contains {@code text}. */
  private static Element queued(SiteBrowser browser, String path, String text) throws Exception {
    return browser.page(path).select("li.queued").stream()
        .filter(item -> item.text().contains(text))
        .findFirst()
        .orElseThrow();
  }

  private static String wordPressExport(long site) {
    return """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
          xmlns:content="http://purl.org/rss/1.0/modules/content/"
          xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
          <title>Shore</title><link>https://shore-%1$d.example</link>
          <wp:wxr_version>1.2</wp:wxr_version>
          <wp:base_site_url>https://shore-%1$d.example</wp:base_site_url>
          <item>
            <title>Spring tides</title>
            <link>https://shore-%1$d.example/2020/03/01/spring-tides-%1$d/</link>
            <dc:creator><![CDATA[sam]]></dc:creator>
            <content:encoded><![CDATA[The sea came up to the wall,

        and went.]]></content:encoded>
            <wp:post_id>1</wp:post_id>
            <wp:post_date_gmt>2020-03-01 08:00:00</wp:post_date_gmt>
            <wp:comment_status>open</wp:comment_status>
            <wp:post_name>spring-tides-%1$d</wp:post_name>
            <wp:status>publish</wp:status>
            <wp:post_type>post</wp:post_type>
            <wp:comment>
              <wp:comment_id>3</wp:comment_id>
              <wp:comment_author>Lee</wp:comment_author>
              <wp:comment_date_gmt>2020-03-01 09:00:00</wp:comment_date_gmt>
              <wp:comment_content>Wet feet?</wp:comment_content>
              <wp:comment_approved>1</wp:comment_approved>
              <wp:comment_type>comment</wp:comment_type>
              <wp:comment_parent>0</wp:comment_parent>
            </wp:comment>
          </item>
          <item>
            <title>Contact</title>
            <link>https://shore-%1$d.example/?p=%1$d</link>
            <content:encoded>Write to the harbour office.</content:encoded>
            <wp:post_id>%1$d</wp:post_id>
            <wp:post_date_gmt>2020-01-01 08:00:00</wp:post_date_gmt>
            <wp:post_name>contact-%1$d</wp:post_name>
            <wp:status>publish</wp:status>
            <wp:post_type>page</wp:post_type>
          </item>
        </channel>
        </rss>
        """
        .formatted(site)
        .strip();
  }

  @Test
  void theOwnerSharesAPreviewOfADraftThatAFriendReadsWithoutAnAccount() throws Exception {
    var browser = owner();
    Map<String, String> fields =
        SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    String title = "Before it is out " + UUID.randomUUID();
    fields.put("title", title);
    fields.put("body", "Tell me what you *think*.");
    fields.put("action", "save");
    var saved = browser.submit("/admin/posts", fields);
    Document editor = Jsoup.parse(saved.body(), stack.gatewayUrl());
    String editorPath = saved.uri().getPath();

    var shared =
        browser.submit(
            editorPath + "/preview-link",
            Map.of("_csrf", editor.select("form[action$=/preview-link] input[name=_csrf]").val()));
    String link = Jsoup.parse(shared.body()).select("#preview-link").val();
    assertThat(link).startsWith(stack.gatewayUrl() + "/p/");

    String friendsView = link.substring(stack.gatewayUrl().length());
    var friend = new SiteBrowser(stack);
    Document preview = friend.page(friendsView);
    assertThat(preview.select("article.post h1").text()).isEqualTo(title);
    assertThat(preview.select("article.post .body em").text()).isEqualTo("think");
    assertThat(preview.select(".preview-banner").text()).contains("not published yet");
    assertThat(preview.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    assertThat(preview.select("#comment-form, #subscribe")).isEmpty();
    assertThat(friend.get("/p/AAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);

    Map<String, String> publish = SiteBrowser.fields(browser.page(editorPath), "form#editor");
    publish.put("action", "publish");
    var published = browser.submit(editorPath, publish);
    assertThat(Jsoup.parse(published.body()).select("#post-status").text())
        .as(Jsoup.parse(published.body()).select("main").text())
        .isEqualTo("published");
    var afterPublishing = friend.get(friendsView);
    assertThat(afterPublishing.uri().getPath())
        .as("once published, the link leads to the post itself")
        .startsWith("/posts/");
  }

  @Test
  void theOwnerDescribesATagAndItsPageOpensWithIt() throws Exception {
    String mark = UUID.randomUUID().toString().substring(0, 8);
    // a slash no address can carry: the tag's page and form are at its slug
    String tag = "azulejos/tiles-" + mark;
    String slug = "azulejos-tiles-" + mark;
    String id =
        bot.post(
                "/api/posts",
                ApiClient.json(
                    Map.of("title", "Blue tiles", "body", "On every wall.", "tags", List.of(tag))))
            .text("id");
    bot.post("/api/posts/" + id + "/publish", "");

    var browser = owner();
    Document tags = browser.page("/admin/tags");
    var form = tags.select("form[action$=/admin/tags/" + slug + "]").first();
    assertThat(form).as(tags.select("main").text()).isNotNull();
    Map<String, String> fields = SiteBrowser.fields(form);
    fields.put("description", "Painted <em>tiles</em>, the blue of Portugal.");
    Document saved = Jsoup.parse(browser.submit(form.attr("action"), fields).body());
    assertThat(saved.select(".notice").text()).contains(tag);
    assertThat(saved.select("a[href=/tags/" + slug + "]").text()).isEqualTo(tag);
    assertThat(saved.select("form[action$=/admin/tags/" + slug + "] textarea").text())
        .isEqualTo("Painted <em>tiles</em>, the blue of Portugal.");

    Document page = Jsoup.parse(reader.get("/tags/" + slug).raw().body());
    assertThat(page.select(".list-introduction").text())
        .as("shown as text, never as markup")
        .isEqualTo("Painted <em>tiles</em>, the blue of Portugal.");
    assertThat(page.select(".list-introduction em")).isEmpty();
    assertThat(page.select("meta[name=description]").attr("content"))
        .isEqualTo("Painted <em>tiles</em>, the blue of Portugal.");
  }

  /** Ghost's and WordPress's tag settings: a tag renamed on every post, another deleted. */
  @Test
  void theOwnerRenamesATagOnEveryPostAndDeletesAnotherAfterAPageThatAsks() throws Exception {
    String mark = UUID.randomUUID().toString().substring(0, 8);
    String old = "wpc-" + mark;
    String spare = "misc-" + mark;
    var created =
        bot.post(
            "/api/posts",
            ApiClient.json(
                Map.of("title", "Pipes " + mark, "body", "Drones.", "tags", List.of(old, spare))));
    bot.post("/api/posts/" + created.text("id") + "/publish", "");
    String idea = "idea-" + mark;
    bot.post(
        "/api/posts",
        ApiClient.json(
            Map.of("title", "Someday " + mark, "body", "Later.", "tags", List.of(idea))));
    String postPage = "/posts/" + created.text("slug");
    var browser = owner();

    Document tags = browser.page("/admin/tags");
    var drafted =
        tags.select("ul.tag-list > li:has(form[action$=/admin/tags/" + idea + "/rename])").first();
    assertThat(drafted).as("a tag only a draft carries is listed for editors").isNotNull();
    assertThat(drafted.select("h2 .meta").text()).isEqualTo("0 published · 1 unpublished");
    assertThat(drafted.select("h2 a")).as("it has no page on the blog yet").isEmpty();
    var rename = tags.select("form[action$=/admin/tags/" + old + "/rename]").first();
    assertThat(rename).as(tags.select("main").text()).isNotNull();
    Map<String, String> fields = SiteBrowser.fields(rename);
    fields.put("name", " World Pipe Championships " + mark);
    Document renamed = Jsoup.parse(browser.submit(rename.attr("action"), fields).body());

    String merged = "world pipe championships " + mark;
    String named = "World Pipe Championships " + mark;
    assertThat(renamed.select(".notice").text())
        .isEqualTo("“" + old + "” is “" + named + "” now, on every post that had it.");
    assertThat(Jsoup.parse(reader.get(postPage).raw().body()).select("ul.tags a").eachText())
        .as("the tag as the owner wrote its new name")
        .containsExactly(named, spare);
    var formerPage = reader.get("/tags/" + old);
    assertThat(formerPage.status()).as("the old tag's page leads on").isEqualTo(301);
    assertThat(formerPage.header("Location")).endsWith("/tags/" + merged.replace(" ", "%20"));

    String ask = renamed.select("a[href*=/admin/tags/" + spare + "/delete]").attr("href");
    Document asking = browser.page(ask);
    assertThat(asking.select("main p").first().text())
        .contains("Delete the tag " + spare + "?")
        .contains("1 published post, 0 unpublished");
    var confirm = asking.select("form[action$=/admin/tags/" + spare + "/delete]").first();
    Document deleted =
        Jsoup.parse(browser.submit(confirm.attr("action"), SiteBrowser.fields(confirm)).body());

    assertThat(deleted.select(".notice").text())
        .isEqualTo("Deleted the tag “" + spare + "”; its posts stay.");
    assertThat(Jsoup.parse(reader.get(postPage).raw().body()).select("ul.tags a").eachText())
        .containsExactly(named);
  }

  /** Ghost's Redirects: an old address leads to a page here, until the owner removes it. */
  @Test
  void anAddressTheOwnerRedirectsInSettingsLeadsReadersOn() throws Exception {
    var browser = owner();
    String from = "/about-me-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(reader.get(from).status()).isEqualTo(404);

    Map<String, String> add =
        SiteBrowser.fields(
            browser.page("/admin/settings"), "form[action$=/admin/settings/redirects]");
    add.put("from", from + "/");
    add.put("to", "/pages/about-this-blog");

    Document saved = Jsoup.parse(browser.submit("/admin/settings/redirects", add).body());

    assertThat(saved.select(".notice").text()).contains(from + " leads to /pages/about-this-blog");
    var moved = reader.get(from);
    assertThat(moved.status()).isEqualTo(301);
    assertThat(moved.header("Location")).endsWith("/pages/about-this-blog");
    assertThat(reader.get("/pages/about-this-blog").status()).isEqualTo(200);
    var listed = browser.page("/admin/settings");
    var row = listed.select("#redirect-list tr:has(code:containsOwn(" + from + "))");
    assertThat(row.text()).contains("for good (301)");
    assertThat(row.select(".redirect-hits").text()).startsWith("once, last ");

    Document removed =
        Jsoup.parse(
            browser
                .submit(
                    row.select("form").attr("action"),
                    SiteBrowser.fields(row.select("form").first()))
                .body());
    assertThat(removed.select(".notice").text()).contains("Removed: " + from);
    assertThat(reader.get(from).status()).isEqualTo(404);
  }

  /** A Ghost blog's redirects.json comes along: its exact addresses work here at once. */
  @Test
  void theOwnerImportsGhostsRedirectsAndDownloadsThemAgain() throws Exception {
    var browser = owner();
    String old = "/ghost-" + UUID.randomUUID().toString().substring(0, 8);
    String ghost =
        """
        [{"from": "^%s/?$", "to": "https://old.example/moved", "permanent": false},
         {"from": "^/post/(.*)$", "to": "/posts/$1", "permanent": true}]"""
            .formatted(old);
    var form =
        Map.of(
            "_csrf",
            browser
                .page("/admin/settings")
                .select("form[action$=/admin/settings/redirects/import] input[name=_csrf]")
                .val());

    Document imported =
        Jsoup.parse(
            browser
                .upload(
                    "/admin/settings/redirects/import",
                    form,
                    "redirects",
                    "redirects.json",
                    ghost.getBytes(StandardCharsets.UTF_8))
                .body());

    assertThat(imported.select(".notice").text())
        .startsWith("Imported 1 redirect; left out: ^/post/(.*)$ (a pattern");
    var moved = reader.get(old + "/");
    assertThat(moved.status()).as("for now, as Ghost had it").isEqualTo(302);
    assertThat(moved.header("Location")).isEqualTo("https://old.example/moved");
    var download = browser.get("/admin/settings/redirects.json");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).contains("\"from\":\"^" + old + "/?$\"");
  }

  @Test
  void theWelcomePostTheStackWroteIsTheOwnersOwn() throws Exception {
    Document mine = owner().page("/admin?status=PUBLISHED&mine=true&q=Welcome");
    assertThat(mine.select(".admin-table tbody td.title a").eachText())
        .contains(Seeder.WELCOME_TITLE);
  }

  /**
   * A blog's clocks are where its owner is (Ghost's "Site timezone"): after the owner chooses a
   * zone, the reader site dates the welcome post by that zone's calendar. The zone is chosen on the
   * other side of the date line from the hour of the run, so that the day shown changes.
   */
  @Test
  void theOwnerChoosesTheBlogsTimeZoneAndPostsAreDatedByItsCalendar() throws Exception {
    var browser = owner();
    Document settings = browser.page("/admin/settings");
    Map<String, String> fields = SiteBrowser.fields(settings, "form[action$=/admin/settings]");
    assertThat(fields.get("timeZone")).as("the configured zone, chosen").isEqualTo("UTC");
    assertThat(settings.select("#site-time-zone option").eachAttr("value"))
        .contains("Europe/Berlin", "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Kiritimati");
    var welcome =
        Jsoup.parse(reader.get("/posts/welcome-to-inkwell").raw().body())
            .selectFirst("article time");
    Instant published = Instant.parse(welcome.attr("datetime"));
    var day = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);
    // UTC+14 is already on the next day from 10:00 UTC, UTC-11 still on the day before until 11:00
    ZoneId zone =
        Stream.of("Pacific/Kiritimati", "Pacific/Pago_Pago")
            .map(ZoneId::of)
            .filter(
                z ->
                    !day.format(published.atZone(z))
                        .equals(day.format(published.atZone(ZoneOffset.UTC))))
            .findFirst()
            .orElseThrow();
    assertThat(welcome.text()).isEqualTo(day.format(published.atZone(ZoneOffset.UTC)));
    try {
      fields.put("timeZone", zone.getId());
      Document saved = Jsoup.parse(browser.submit("/admin/settings", fields).body());
      assertThat(saved.select(".notice").text()).startsWith("Saved");
      assertThat(saved.select("#site-time-zone option[selected]").val()).isEqualTo(zone.getId());

      String dated =
          Jsoup.parse(reader.get("/posts/welcome-to-inkwell").raw().body())
              .select("article time")
              .first()
              .text();
      assertThat(dated)
          .isEqualTo(day.format(published.atZone(zone)))
          .isNotEqualTo(day.format(published.atZone(ZoneOffset.UTC)));
      assertThat(browser.page("/admin/posts/new").select("label[for=publishAt]").text())
          .as("what the editor's Publish at means")
          .contains(zone.getId());
    } finally {
      fields.put("timeZone", "UTC");
      browser.submit("/admin/settings", fields);
    }
  }

  /**
   * The owner has the feeds carry each post's excerpt (WordPress's "For each post in a feed,
   * include: Excerpt"): feed readers show it and lead to the post's page for the rest.
   */
  @Test
  void theOwnerHasTheFeedsCarryExcerptsAndFeedReadersReadOnAtThePost() throws Exception {
    String tag = "rivers-" + UUID.randomUUID().toString().substring(0, 8);
    var post =
        bot.post(
            "/api/posts",
            ApiClient.json(
                Map.of(
                    "title",
                    "Down the Severn",
                    "body",
                    "By canoe from Welshpool.\n\nThe rest, for the post's page.",
                    "excerpt",
                    "Four days on the river.",
                    "tags",
                    List.of(tag))));
    String slug = bot.post("/api/posts/" + post.text("id") + "/publish", "").text("slug");
    String whole = HtmlUtils.htmlEscape("<p>By canoe from Welshpool.</p>");
    String feed = "/tags/" + tag + "/feed.rss";
    var browser = owner();
    Map<String, String> fields =
        SiteBrowser.fields(browser.page("/admin/settings"), "form[action$=/admin/settings]");
    assertThat(fields.get("feedContent")).as("each post whole, until chosen").isEqualTo("FULL");
    assertThat(reader.get(feed).raw().body()).contains(whole);
    try {
      fields.put("feedContent", "EXCERPT");
      Document saved = Jsoup.parse(browser.submit("/admin/settings", fields).body());
      assertThat(saved.select(".notice").text()).startsWith("Saved");
      assertThat(saved.select("#site-feed-content option[selected]").val()).isEqualTo("EXCERPT");

      for (String path : List.of(feed, "/tags/" + tag + "/feed.atom")) {
        assertThat(reader.get(path).raw().body())
            .as(path)
            .contains("Four days on the river.")
            .contains("/posts/" + slug)
            .doesNotContain("Welshpool")
            .doesNotContain("content:encoded");
      }
    } finally {
      fields.put("feedContent", "FULL");
      browser.submit("/admin/settings", fields);
    }
    assertThat(reader.get(feed).raw().body()).contains(whole);
  }

  /** The owner gives the blog its colour (Ghost's accent colour); readers' pages wear it. */
  @Test
  void theOwnerGivesTheBlogAnAccentColourAndCanHaveTheThemesBack() throws Exception {
    var browser = owner();
    Map<String, String> fields =
        SiteBrowser.fields(browser.page("/admin/settings"), "form[action$=/admin/settings]");
    assertThat(fields.get("themesAccent")).as("the theme's own, ticked").isEqualTo("true");
    assertThat(Jsoup.parse(reader.get("/").raw().body()).select("head style")).isEmpty();
    try {
      fields.remove("themesAccent");
      fields.put("accentColor", "#1a7f5a");
      Document saved = Jsoup.parse(browser.submit("/admin/settings", fields).body());
      assertThat(saved.select(".notice").text()).startsWith("Saved");
      assertThat(saved.select("#site-accent").val()).isEqualTo("#1a7f5a");

      for (String page : List.of("/", "/posts/welcome-to-inkwell", "/no-such-page")) {
        Document read = Jsoup.parse(reader.get(page).raw().body());
        assertThat(read.select("head style").html())
            .as(page)
            .startsWith(":root{--accent:#1a7f5a}@media (prefers-color-scheme: dark)");
        assertThat(read.select("meta[name=theme-color]").eachAttr("content"))
            .as("a phone's browser bar")
            .hasSize(2)
            .contains("#1a7f5a");
      }
    } finally {
      fields.put("themesAccent", "true");
      browser.submit("/admin/settings", fields);
    }
    assertThat(Jsoup.parse(reader.get("/").raw().body()).select("head style")).isEmpty();
  }

  /**
   * The owner gives the blog an icon (Ghost's publication icon): browser tabs, feed readers and the
   * top of readers' mails show it, and a logo that heads its pages, until Settings takes them away.
   */
  @Test
  void theOwnerGivesTheBlogAnIconWhichPagesFeedsAndReadersMailsShow() throws Exception {
    var browser = owner();
    Map<String, String> fields =
        SiteBrowser.fields(browser.page("/admin/settings"), "form[action$=/admin/settings]");
    try {
      byte[] notSquare = TestStack.picture(302, 201);
      Document refused = withIcon(browser, fields, notSquare);
      assertThat(refused.select(".error").text()).contains("square picture");
      assertThat(refused.select("img.icon-preview")).as("no icon kept").isEmpty();
      assertThat(reader.get("/api/images/" + contentAddress(notSquare) + ".png").status())
          .as("nor the refused picture, in Images")
          .isEqualTo(404);

      Document saved = withIcon(browser, fields, TestStack.picture(180, 180));

      assertThat(saved.select(".notice").text()).startsWith("Saved");
      String icon = saved.select("img.icon-preview").attr("src");
      assertThat(icon).startsWith("/api/images/");
      assertThat(reader.get(icon).status()).as("the picture is there to see").isEqualTo(200);
      Document home = Jsoup.parse(reader.get("/").raw().body());
      assertThat(home.select("link[rel=icon]").eachAttr("href")).containsExactly(icon);
      assertThat(home.select(".site-name img").attr("src")).isEqualTo(icon);
      var favicon = reader.get("/favicon.ico");
      assertThat(favicon.status()).isEqualTo(302);
      assertThat(favicon.header("Location")).isEqualTo(icon);
      assertThat(reader.get("/feed.atom").raw().body())
          .containsPattern("<icon>https?://[^<]+" + icon + "</icon>");

      // the post's mail as subscribers will get it, headed by the icon once the event arrived
      Map<String, String> draft =
          SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
      String title = "Under the new icon " + UUID.randomUUID();
      draft.put("title", title);
      draft.put("body", "How does it look?");
      draft.put("action", "save");
      Document editor = Jsoup.parse(browser.submit("/admin/posts", draft).body());
      String testMail = editor.select("form[action$=/test-mail]").attr("action");
      String owner = stack.credentials().ownerEmail();
      // asked again (at most 10 a minute apart) until notification-service has heard of the icon
      List<String> pictures =
          await()
              .atMost(PATIENCE)
              .pollInterval(Duration.ofSeconds(10))
              .until(
                  () -> {
                    int before = mailsAbout(owner, title).size();
                    browser.submit(
                        testMail, SiteBrowser.fields(editor, "form[action$=/test-mail]"));
                    var mails =
                        await()
                            .atMost(PATIENCE)
                            .until(() -> mailsAbout(owner, title), all -> all.size() > before);
                    return Jsoup.parse(mails.get(mails.size() - 1)).select("img").eachAttr("src");
                  },
                  srcs -> srcs.stream().anyMatch(src -> src.endsWith(icon)));
      assertThat(pictures)
          .as("an address a mail client can fetch")
          .anyMatch(src -> src.matches("https?://.+" + icon));

      // a logo heads the pages in place of the name in letters
      Document withLogo =
          Jsoup.parse(
              browser
                  .upload(
                      "/admin/settings",
                      fields,
                      "logoFile",
                      "logo.png",
                      TestStack.picture(600, 120))
                  .body());
      String logo = withLogo.select("img.logo-preview").attr("src");
      assertThat(logo).as(withLogo.select("main").text()).startsWith("/api/images/");
      Document headed = Jsoup.parse(reader.get("/").raw().body());
      assertThat(headed.select(".site-name img.site-logo").attr("src")).isEqualTo(logo);
      assertThat(headed.select(".site-name img.site-logo").attr("alt")).isEqualTo("Inkwell");
    } finally {
      fields.put("removeIcon", "true");
      fields.put("removeLogo", "true");
      browser.submit("/admin/settings", fields);
    }
    assertThat(Jsoup.parse(reader.get("/").raw().body()).select("link[rel=icon]").eachAttr("href"))
        .as("the platform's own again")
        .hasSize(2)
        .allMatch(href -> href.startsWith("/favicon"));
    assertThat(Jsoup.parse(reader.get("/").raw().body()).select(".site-name").text())
        .as("the name in letters again")
        .isEqualTo("Inkwell");
  }

  /** Where post-service keeps a picture: the first 128 bits of its bytes' SHA-256 (ADR 8). */
  private static String contentAddress(byte[] picture) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(picture), 0, 16);
  }

  /**
   * The owner makes the blog a podcast in Settings: its RSS feed then carries what Apple Podcasts
   * and Spotify read, readers are told where to listen, and saving again without a new picture
   * keeps the artwork; once the directories list it, the header links its pages there.
   */
  @Test
  void theOwnerMakesTheBlogAPodcastWhoseFeedTheDirectoriesRead() throws Exception {
    var browser = owner();
    String form = "form[action$=/admin/settings/podcast]";
    try {
      Map<String, String> fields = SiteBrowser.fields(browser.page("/admin/settings"), form);
      assertThat(fields).containsEntry("category", "");
      fields.put("category", "Education › Language Learning");
      fields.put("email", "podcast@example.org");
      Document saved =
          Jsoup.parse(
              browser
                  .upload(
                      "/admin/settings/podcast",
                      fields,
                      "coverFile",
                      "artwork.png",
                      TestStack.picture(1400, 1400))
                  .body());

      assertThat(saved.select(".notice").text())
          .as(saved.select(".error").text())
          .startsWith("Saved: the blog's RSS feed is a podcast's");
      assertThat(saved.select("#podcast-category option[selected]").text())
          .isEqualTo("Education › Language Learning");
      String cover = saved.select(form + " img").attr("src");
      assertThat(cover).startsWith("/api/images/");
      assertThat(reader.get("/feed.rss").raw().body())
          .containsPattern(
              "<itunes:category text=\"Education\">\\s*<itunes:category text=\"Language Learning\"")
          .contains("<itunes:explicit>false</itunes:explicit>")
          .contains("<itunes:email>podcast@example.org</itunes:email>")
          .containsPattern("<itunes:image href=\"https?://[^\"]+" + cover + "\"");
      assertThat(Jsoup.parse(reader.get("/").raw().body()).select(".site-header .listen a"))
          .as("not listed yet: the feed any podcast app takes")
          .extracting(link -> link.attr("href"))
          .containsExactly("/feed.rss");

      Map<String, String> again = SiteBrowser.fields(saved, form);
      again.put("explicit", "true");
      again.put("serial", "true");
      again.put("applePodcasts", "https://podcasts.apple.com/gb/podcast/lessons/id1234567890?uo=4");
      again.put("spotify", "https://open.spotify.com/show/5CfCWKI5pZ28U0uOzXkDHe?si=0a1b2c");
      Document kept = Jsoup.parse(browser.submit("/admin/settings/podcast", again).body());
      assertThat(kept.select(".notice").text()).startsWith("Saved");
      assertThat(kept.select(form + " input[name=serial]").hasAttr("checked")).isTrue();
      assertThat(reader.get("/feed.rss").raw().body())
          .contains("<itunes:explicit>true</itunes:explicit>")
          .contains("<itunes:type>serial</itunes:type>")
          .contains(cover);
      assertThat(kept.select("#podcast-spotify").val())
          .isEqualTo("https://open.spotify.com/show/5CfCWKI5pZ28U0uOzXkDHe");
      var listen = Jsoup.parse(reader.get("/archive").raw().body());
      assertThat(listen.select(".site-header .listen a"))
          .extracting(link -> link.text() + " " + link.attr("href"))
          .containsExactly(
              "Apple Podcasts https://podcasts.apple.com/gb/podcast/lessons/id1234567890",
              "Spotify https://open.spotify.com/show/5CfCWKI5pZ28U0uOzXkDHe",
              "RSS feed (any podcast app) /feed.rss");
    } finally {
      Map<String, String> off = SiteBrowser.fields(browser.page("/admin/settings"), form);
      off.put("category", "");
      browser.submit("/admin/settings/podcast", off);
    }
    assertThat(reader.get("/feed.rss").raw().body()).doesNotContain("itunes:category");
    assertThat(Jsoup.parse(reader.get("/").raw().body()).select(".listen")).isEmpty();
  }

  /** The Settings page after saving the form with this picture chosen as the icon. */
  private static Document withIcon(SiteBrowser browser, Map<String, String> fields, byte[] picture)
      throws Exception {
    return Jsoup.parse(
        browser.upload("/admin/settings", fields, "iconFile", "icon.png", picture).body());
  }

  /** The words of the mails to this address that mention this text, oldest first. */
  private static List<String> mailsAbout(String address, String text) {
    return TestStack.mailsTo(address).stream()
        .map(TestStack::text)
        .filter(words -> words.contains(text))
        .toList();
  }

  @Test
  void theOwnerRenamesTheBlogAndEveryPageAndFeedSaysSo() throws Exception {
    var browser = owner();
    Map<String, String> fields =
        SiteBrowser.fields(browser.page("/admin/settings"), "form[action$=/admin/settings]");
    assertThat(fields.get("title")).isEqualTo("Inkwell");
    assertThat(fields.get("language")).isEqualTo("en");
    var before = Map.copyOf(fields);
    try {
      fields.put("title", "Notes from Lisbon");
      fields.put("description", "Trams, tiles & <b>pastéis</b>.");
      fields.put("language", "pt-PT");
      Document saved = Jsoup.parse(browser.submit("/admin/settings", fields).body());
      assertThat(saved.select(".notice").text()).contains("Notes from Lisbon");

      Document home = Jsoup.parse(reader.get("/").raw().body());
      assertThat(home.select(".site-name").text()).isEqualTo("Notes from Lisbon");
      assertThat(home.select(".site-description").text())
          .isEqualTo("Trams, tiles & <b>pastéis</b>.");
      assertThat(home.title()).isEqualTo("Notes from Lisbon");
      assertThat(home.select("html").attr("lang")).isEqualTo("pt-PT");
      assertThat(reader.get("/feed.rss").raw().body())
          .contains("<title>Notes from Lisbon</title>")
          .contains("<language>pt-PT</language>");
      assertThat(reader.put("/api/site", "{\"title\":\"Mine\",\"description\":\"\"}").status())
          .isEqualTo(401);
      // the reader site speaks the blog's language (ADR 17)
      assertThat(home.select("input#q").attr("placeholder")).isEqualTo("Pesquisar publicações");
      // The services that sign mails and the sign-in page hear of it by event; readers' mails
      // speak the language too.
      assertThat(confirmationSubject()).isEqualTo("Confirme sua assinatura de Notes from Lisbon");
      await().atMost(PATIENCE).until(() -> signInTitle().equals("Sign in · Notes from Lisbon"));
    } finally {
      browser.submit("/admin/settings", before);
    }
    assertThat(Jsoup.parse(reader.get("/").raw().body()).select(".site-name").text())
        .isEqualTo("Inkwell");
    // Back to the name the other tests expect in their mails, everywhere.
    await().atMost(PATIENCE).until(() -> signInTitle().equals("Sign in · Inkwell"));
    assertThat(confirmationSubject()).isEqualTo("Confirm your subscription to Inkwell");
  }

  @Test
  void theOwnerPutsALinkInEveryPagesHeader() throws Exception {
    var browser = owner();
    Document settings = browser.page("/admin/settings");
    String csrf =
        settings.select("form[action$=/admin/settings/navigation] input[name=_csrf]").val();
    try {
      Document saved =
          Jsoup.parse(
              browser
                  .submit(
                      "/admin/settings/navigation",
                      Map.of("_csrf", csrf, "label", "Our shop", "url", "https://shop.example/"))
                  .body());
      assertThat(saved.select(".notice").text()).contains("1 link");
      assertThat(saved.select("input[name=label]").first().val()).isEqualTo("Our shop");

      Document home = Jsoup.parse(reader.get("/").raw().body());
      assertThat(home.select("header nav a:containsOwn(Our shop)").attr("href"))
          .isEqualTo("https://shop.example/");
      Document refused =
          Jsoup.parse(
              browser
                  .submit(
                      "/admin/settings/navigation",
                      Map.of("_csrf", csrf, "label", "Click", "url", "javascript:alert(1)"))
                  .body());
      assertThat(refused.select(".error").text()).contains("http or https address");
      assertThat(Jsoup.parse(reader.get("/").raw().body()).select("header nav a").eachText())
          .contains("Our shop")
          .doesNotContain("Click");
    } finally {
      browser.submit("/admin/settings/navigation", Map.of("_csrf", csrf));
    }
    assertThat(Jsoup.parse(reader.get("/").raw().body()).select("header nav a").eachText())
        .doesNotContain("Our shop");
  }

  /**
   * The subject of the confirmation mail a new address gets, once the last change of name has
   * reached notification-service: mails are asked for until one carries the name the site shows.
   */
  private String confirmationSubject() throws Exception {
    String name = Jsoup.parse(reader.get("/").raw().body()).select(".site-name").text();
    return await()
        .atMost(PATIENCE)
        .until(
            () -> {
              String address = "name-" + UUID.randomUUID() + "@example.org";
              reader.post("/api/subscriptions", ApiClient.json(Map.of("email", address)));
              return await()
                  .atMost(PATIENCE)
                  .until(() -> TestStack.mailsTo(address), mails -> mails.size() == 1)
                  .get(0)
                  .getSubject();
            },
            subject -> subject.endsWith(" " + name));
  }

  private String signInTitle() {
    return Jsoup.parse(reader.get("/login", "Accept", "text/html").raw().body()).title();
  }

  @Test
  void theDashboardShowsTheOwnersDraftsWhatPublishesNextAndHowTheNewestPostDid() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String question = "Is the ferry running today? " + run;
    String postId = TestStack.postWithAHeldComment("Harbour news " + run, question);
    String commentId =
        bot.get("/api/comments?status=PENDING&postId=" + postId)
            .json()
            .path("items")
            .get(0)
            .path("id")
            .asString();
    assertThat(bot.post("/api/comments/" + commentId + "/approve", "").status()).isEqualTo(200);
    String later =
        bot.post("/api/posts", ApiClient.json(Map.of("title", "Next week " + run, "body", "b")))
            .text("id");
    String inTwoDays = Instant.now().plus(Duration.ofDays(2)).toString();
    assertThat(
            bot.post(
                    "/api/posts/" + later + "/publish",
                    ApiClient.json(Map.of("publishAt", inTwoDays)))
                .status())
        .isEqualTo(200);
    var browser = owner();
    Map<String, String> fields =
        SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    fields.put("title", "Half a thought " + run);
    fields.put("body", "To be continued.");
    fields.put("action", "save");
    assertThat(browser.submit("/admin/posts", fields).statusCode()).isEqualTo(200);

    Document dashboard = browser.page("/admin/dashboard");

    assertThat(SiteBrowser.menu(dashboard)).startsWith("Dashboard");
    var figures = new java.util.HashMap<String, Long>();
    dashboard
        .select(".figures a")
        .forEach(
            figure ->
                figures.put(
                    figure.select("span").text(), Long.parseLong(figure.select("strong").text())));
    assertThat(figures)
        .containsOnlyKeys(
            "Published", "Scheduled", "Drafts", "For review", "Comments waiting", "Subscribers");
    assertThat(figures.get("Published"))
        .isEqualTo(bot.get("/api/posts?status=PUBLISHED&limit=1").json().path("total").asLong());
    assertThat(figures.get("Scheduled")).isPositive();
    assertThat(figures.get("Subscribers")).as("the sample subscriber at least").isPositive();
    assertThat(dashboard.select("#drafts-title + ul li a").eachText())
        .contains("Half a thought " + run);
    assertThat(dashboard.select("#coming-title + ul li").eachText())
        .anyMatch(line -> line.startsWith("Next week " + run + " publishes"));
    var newest = dashboard.select("#published-title + .table-scroll tbody tr").first();
    assertThat(newest.select("td:first-child a").first().text()).isEqualTo("Harbour news " + run);
    assertThat(newest.select("td:nth-child(3)").text()).isEqualTo("1 comment");
    // and the Published list has it beside the post, as WordPress's comment bubble
    var row =
        browser.page("/admin?status=PUBLISHED").select(".admin-table tbody tr").stream()
            .filter(tr -> tr.text().contains("Harbour news " + run))
            .findFirst()
            .orElseThrow();
    assertThat(row.select("td a[aria-label]").attr("aria-label")).isEqualTo("1 comment");
    // the home page asks the counts of its posts at once, and says the same
    assertThat(
            browser.page("/").select("article.card").stream()
                .filter(card -> card.text().contains("Harbour news " + run))
                .findFirst()
                .orElseThrow()
                .text())
        .contains("1 comment");
    assertThat(dashboard.select("#comments-title + ul li").eachText())
        .anyMatch(line -> line.contains("on Harbour news " + run) && line.contains(question));
    // the email column counts the mails as the sender sends them (other tests' readers who chose
    // a digest get theirs later)
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              var email =
                  java.util.regex.Pattern.compile(
                          "(\\d+) of (\\d+) sent(?:, (\\d+) to go in digests)?")
                      .matcher(
                          browser
                              .page("/admin/dashboard")
                              .select("#published-title + .table-scroll tbody tr")
                              .first()
                              .select("td:nth-child(4)")
                              .text());
              assertThat(email.matches()).isTrue();
              int inDigests = email.group(3) == null ? 0 : Integer.parseInt(email.group(3));
              assertThat(Integer.parseInt(email.group(1)) + inDigests)
                  .isEqualTo(Integer.parseInt(email.group(2)));
            });
  }

  @Test
  void theOwnerFindsADraftAmongTheirsByAWordOrATag() throws Exception {
    var browser = owner();
    String word = "funicular" + UUID.randomUUID().toString().substring(0, 6);
    String tag = "porto" + UUID.randomUUID().toString().substring(0, 6);
    for (String[] draft :
        new String[][] {
          {"The " + word + " of Porto", "Down to the river.", tag},
          {"Wine cellars", "Across the bridge.", tag},
          {"Unrelated", "Nothing about it.", "other"}
        }) {
      Map<String, String> fields =
          SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
      fields.put("title", draft[0]);
      fields.put("body", draft[1]);
      fields.put("tags", draft[2]);
      fields.put("action", "save");
      assertThat(browser.submit("/admin/posts", fields).statusCode()).isEqualTo(200);
    }

    Document byWord = browser.page("/admin?status=DRAFT&q=" + word.toUpperCase());
    assertThat(byWord.select("form.filters input[name=q]").val()).isEqualTo(word.toUpperCase());
    assertThat(byWord.select(".admin-table tbody td.title a").eachText())
        .containsExactly("The " + word + " of Porto");
    Document byTag = browser.page("/admin?status=DRAFT&tag=" + tag + "&mine=true");
    assertThat(byTag.select(".admin-table tbody td.title a").eachText())
        .containsExactly("Wine cellars", "The " + word + " of Porto");
    assertThat(byTag.select("nav.tabs a").eachAttr("href"))
        .as("switching state keeps the filter")
        .allMatch(href -> href.contains("tag=" + tag));
    Document none = browser.page("/admin?status=PUBLISHED&q=" + word);
    assertThat(none.select(".empty").text()).isEqualTo("No posts match.");
    assertThat(none.select("form.filters a").text()).isEqualTo("Show all");

    // WordPress's bulk "Move to Trash": the two found by the tag go, the other stays
    var bulk = byTag.selectFirst("form#bulk");
    var ticked =
        byTag.select("input[name=ids][form=bulk]").stream()
            .map(box -> Map.entry("ids", box.val()))
            .toList();
    assertThat(ticked).hasSize(2);
    Document after =
        Jsoup.parse(browser.submit(bulk.attr("action"), SiteBrowser.fields(bulk), ticked).body());
    assertThat(after.select(".notice").text())
        .isEqualTo("Moved 2 posts to the trash; restore them from the Trash tab within 30 days.");
    assertThat(browser.page("/admin?status=DRAFT&tag=" + tag).select(".empty").text())
        .isEqualTo("No posts match.");
    assertThat(
            browser
                .page("/admin?status=TRASHED&tag=" + tag)
                .select(".admin-table tbody td.title a")
                .eachText())
        .containsExactlyInAnyOrder("Wine cellars", "The " + word + " of Porto");
    Document nothingTicked =
        Jsoup.parse(browser.submit(bulk.attr("action"), SiteBrowser.fields(bulk)).body());
    assertThat(nothingTicked.select(".error").text())
        .isEqualTo("Tick the posts first, then move them to the trash.");
  }

  @Test
  void theOwnerUploadsAPictureThatReadersSeeInThePostAndItStaysWhileAPostShowsIt()
      throws Exception {
    var browser = owner();
    byte[] png = TestStack.picture(320, 200);
    Document library = browser.page("/admin/images");
    var csrf =
        Map.of("_csrf", library.select("form[action$=/admin/images] input[name=_csrf]").val());

    Document uploaded =
        Jsoup.parse(
            browser.upload("/admin/images", csrf, "file", "Lisbon tram.png", png).body(),
            stack.gatewayUrl());

    String markdown = uploaded.select("#uploaded-markdown").val();
    assertThat(markdown)
        .as(uploaded.select("main").text())
        .matches("!\\[Lisbon tram]\\(/api/images/[0-9a-f]{32}\\.png\\)");
    String url = markdown.substring(markdown.indexOf('(') + 1, markdown.length() - 1);
    assertThat(uploaded.select(".image-library img[src=\"" + url + "?w=600\"]").attr("width"))
        .isEqualTo("320");

    Map<String, String> fields =
        SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    String title = "Up the hill " + UUID.randomUUID();
    fields.put("title", title);
    fields.put("body", "The 28 climbs to the castle.\n\n" + markdown);
    fields.put("action", "publish");
    var published = browser.submit("/admin/posts", fields);
    String id = published.uri().getPath().substring(published.uri().getPath().lastIndexOf('/') + 1);
    String slug = reader.get("/api/posts/" + id).text("slug");

    Document post = browser.page("/posts/" + slug);
    var picture = post.selectFirst("article img");
    assertThat(picture).isNotNull();
    assertThat(picture.attr("src")).isEqualTo(url);
    assertThat(picture.attr("alt")).isEqualTo("Lisbon tram");
    assertThat(post.select("meta[property=og:image]").attr("content"))
        .as("a shared link shows the picture")
        .startsWith("http")
        .endsWith(url);
    var fetched = reader.bytes(url);
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.body()).isEqualTo(png);
    assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/png");

    Document refused =
        Jsoup.parse(
            browser
                .upload(
                    "/admin/images",
                    csrf,
                    "file",
                    "drawing.svg",
                    "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8))
                .body());
    assertThat(refused.select("[role=alert]").text()).contains("SVG is not accepted");

    Document again = browser.page("/admin/images");
    String deleteAction = new java.net.URI(url).getPath() + "/delete";
    var deleteForm =
        again.selectFirst(
            "form[action=" + deleteAction.replace("/api/images/", "/admin/images/") + "]");
    assertThat(deleteForm).isNotNull();
    Document inUse =
        Jsoup.parse(
            browser.submit(deleteForm.attr("action"), SiteBrowser.fields(deleteForm)).body());
    assertThat(inUse.select("[role=alert]").text()).contains("shown in 1 post");
    assertThat(reader.bytes(url).statusCode()).isEqualTo(200);
  }

  @Test
  void theOwnerUploadsAnEpisodeThatReadersPlayInThePostAndPodcastAppsFindInTheFeed()
      throws Exception {
    var browser = owner();
    // an ID3 header, then 720 frames of MPEG-1 Layer III at 128 kbit/s and 44.1 kHz (417 bytes,
    // 1152 samples each: 18.8 s), as an encoder writes them, each frame's sound a new one
    byte[] mp3 = new byte[10 + 720 * 417];
    new java.util.Random().nextBytes(mp3);
    byte[] header =
        "ID3\u0003\0\0\0\0\0\0\u00FF\u00FB\u0090\u0064".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(header, 0, mp3, 0, header.length);
    for (int frame = 1; frame < 720; frame++) {
      System.arraycopy(header, 10, mp3, 10 + frame * 417, 4);
    }
    Document files = browser.page("/admin/files");
    var csrf = Map.of("_csrf", files.select("form[action$=/admin/files] input[name=_csrf]").val());

    Document uploaded =
        Jsoup.parse(browser.upload("/admin/files", csrf, "file", "Episode 3.mp3", mp3).body());

    String markdown = uploaded.select("#uploaded-markdown").val();
    assertThat(markdown)
        .as(uploaded.select("main").text())
        .matches("\\[Episode 3]\\(/api/files/[0-9a-f]{32}\\.mp3\\)");
    String url = markdown.substring(markdown.indexOf('(') + 1, markdown.length() - 1);
    assertThat(uploaded.select("table.files audio[src=\"" + url + "\"]")).hasSize(1);
    assertThat(uploaded.select("table.files tr:has(audio[src=\"" + url + "\"]) td").get(1).text())
        .as("its size and how long it plays")
        .isEqualTo("300 KB, plays 0:19");

    Map<String, String> fields =
        SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    String title = "Episode 3 " + UUID.randomUUID();
    fields.put("title", title);
    fields.put("body", "We talk about trams.\n\n" + markdown);
    fields.put("seasonNumber", "2");
    fields.put("episodeNumber", "123456");
    fields.put("action", "publish");
    Document tooHigh = Jsoup.parse(browser.submit("/admin/posts", fields).body());
    assertThat(tooHigh.select("[role=alert]").text())
        .as("what the browser's own check would have said, from the API")
        .contains("episodeNumber", "a number from 1 to 99999");
    assertThat(tooHigh.select("#title").val()).as("nothing typed is lost").isEqualTo(title);
    fields.put("episodeNumber", "3");
    fields.put("episodeType", "bonus");
    var published = browser.submit("/admin/posts", fields);
    String id = published.uri().getPath().substring(published.uri().getPath().lastIndexOf('/') + 1);
    var saved = reader.get("/api/posts/" + id);
    String slug = saved.text("slug");
    assertThat(saved.json().path("seasonNumber").asInt()).isEqualTo(2);
    assertThat(saved.json().path("episodeNumber").asInt()).isEqualTo(3);
    assertThat(saved.text("episodeType")).isEqualTo("bonus");
    Document editor = browser.page("/admin/posts/" + id);
    assertThat(editor.select("details.episode-tags").hasAttr("open")).isTrue();
    assertThat(editor.select("#episodeNumber").val()).isEqualTo("3");
    assertThat(editor.select("#episodeType option[selected]").val()).isEqualTo("bonus");

    Document post = browser.page("/posts/" + slug);
    assertThat(post.select("article figure.media audio").attr("src")).isEqualTo(url);
    assertThat(post.select("article figure.media figcaption a").text()).isEqualTo("Episode 3");
    assertThat(post.select("article .byline .episode").eachText())
        .as("what the author said of the episode, as podcast sites show it")
        .containsExactly("Bonus episode", "Season 2, episode 3");
    var part = reader.bytes(url, "Range", "bytes=100000-100099");
    assertThat(part.statusCode()).as("a player seeks through the gateway").isEqualTo(206);
    assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(mp3, 100_000, 100_100));

    String feed = reader.get("/feed.rss").raw().body();
    assertThat(feed)
        .as("the blog's address as its settings give it, the file's own")
        .containsPattern(
            "<enclosure url=\"http[^\"]+"
                + java.util.regex.Pattern.quote(url)
                + "\" length=\"300250\" type=\"audio/mpeg\"");

    Document refused =
        Jsoup.parse(
            browser
                .upload(
                    "/admin/files",
                    csrf,
                    "file",
                    "page.pdf",
                    "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))
                .body());
    assertThat(refused.select("[role=alert]").text()).contains("text/html", "PDF");
  }

  @Test
  void theOwnerFeaturesAnOlderPostAndTheHomePageShowsItFirst() throws Exception {
    var browser = owner();
    String older = "Start here " + UUID.randomUUID();
    String id =
        bot.post("/api/posts", ApiClient.json(Map.of("title", older, "body", "b"))).text("id");
    bot.post("/api/posts/" + id + "/publish", "");
    String newer = "Newest news " + UUID.randomUUID();
    String newerId =
        bot.post("/api/posts", ApiClient.json(Map.of("title", newer, "body", "b"))).text("id");
    bot.post("/api/posts/" + newerId + "/publish", "");
    assertThat(browser.page("/").select("article.card h2").first().text()).isEqualTo(newer);

    Document editor = browser.page("/admin/posts/" + id);
    var feature = editor.selectFirst("form[action$=/feature]");
    assertThat(feature.select("button").text()).isEqualTo("Feature this post");
    Document featured =
        Jsoup.parse(browser.submit(feature.attr("action"), SiteBrowser.fields(feature)).body());
    assertThat(featured.select(".notice").text()).startsWith("Featured");
    assertThat(featured.select("#featured").text()).isEqualTo("featured");

    Document home = browser.page("/");
    var first = home.select("article.card").first();
    assertThat(first.select("h2").text()).isEqualTo(older);
    assertThat(first.select(".featured").text()).startsWith("Featured");
    assertThat(home.select("article.card h2").eachText())
        .as("shown once, on top")
        .containsOnlyOnce(older)
        .contains(newer);

    var stop = featured.selectFirst("form[action$=/feature]");
    assertThat(stop.select("button").text()).isEqualTo("Stop featuring");
    browser.submit(stop.attr("action"), SiteBrowser.fields(stop));
    assertThat(browser.page("/").select("article.card h2").first().text()).isEqualTo(newer);
  }

  @Test
  void theOwnerComparesAnEarlierRevisionAndTakesItBack() throws Exception {
    var browser = owner();
    Map<String, String> fields =
        SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    fields.put("title", "Travel plans " + UUID.randomUUID());
    fields.put("body", "Packing for WPC.\nFlights at six.");
    fields.put("action", "save");
    var saved = browser.submit("/admin/posts", fields);
    String editorPath = saved.uri().getPath();
    String id = editorPath.substring(editorPath.lastIndexOf('/') + 1);
    Map<String, String> edit =
        SiteBrowser.fields(Jsoup.parse(saved.body(), saved.uri().toString()), "form#editor");
    edit.put("body", "Packing for WPC.\nFlights at seven.");
    edit.put("action", "save");
    browser.submit(editorPath, edit);

    Document list = browser.page(editorPath + "/revisions");
    assertThat(list.select("table tbody tr")).hasSize(1);
    Document revision = browser.page(list.select("table tbody a").attr("href"));
    assertThat(revision.select(".diff del").eachText()).containsExactly("Flights at six.");
    assertThat(revision.select(".diff ins").eachText()).containsExactly("Flights at seven.");
    assertThat(revision.select(".body").text()).contains("Flights at six.");

    Document editor = browser.page(revision.select("a#restore").attr("href"));
    assertThat(editor.select(".notice").text()).contains("is in the editor");
    assertThat(editor.select("#body").text()).isEqualTo("Packing for WPC.\nFlights at six.");
    assertThat(bot.get("/api/posts/" + id).text("bodyMarkdown"))
        .as("nothing changes until it is saved")
        .endsWith("seven.");
    Map<String, String> restore = SiteBrowser.fields(editor, "form#editor");
    restore.put("action", "save");
    browser.submit(editorPath, restore);

    assertThat(bot.get("/api/posts/" + id).text("bodyMarkdown")).endsWith("six.");
    assertThat(browser.page(editorPath + "/revisions").select("table tbody tr")).hasSize(2);
  }

  /** A Blogger export with one post under {@code label} and one comment on it. */
  private static String export(long blog, String label) {
    String id = "tag:blogger.com,1999:blog-" + blog;
    return """
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0'>
          <id>%1$s</id>
          <title type='text'>Away</title>
          <entry>
            <id>%1$s.post-1</id>
            <published>2008-06-12T09:41:00.000-07:00</published>
            <updated>2008-06-12T10:02:00.000-07:00</updated>
            <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
            <category scheme='http://www.blogger.com/atom/ns#' term='%2$s'/>
            <title type='text'>Lisbon in June</title>
            <content type='html'>&lt;p&gt;Trams and tiles.&lt;/p&gt;</content>
            <link rel='alternate' type='text/html' href='http://away-%3$s.blogspot.com/2008/06/lisbon.html' title='Lisbon in June'/>
            <author><name>Jo</name></author>
          </entry>
          <entry>
            <id>%1$s.post-2</id>
            <published>2008-06-12T12:30:00.000-07:00</published>
            <updated>2008-06-12T12:30:00.000-07:00</updated>
            <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>
            <title type='text'>Lovely</title>
            <content type='html'>Lovely city.</content>
            <author><name>Ada</name></author>
            <thr:in-reply-to href='http://away-%3$s.blogspot.com/2008/06/lisbon.html' ref='%1$s.post-1' type='text/html'/>
          </entry>
        </feed>
        """
        .formatted(id, label, blog);
  }
}
