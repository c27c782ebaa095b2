package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.SignIn;
import io.inkwell.testsupport.Topics;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The author admin through the gateway, as a browser without JavaScript uses it: staff sign in at
 * auth-service's login page (the web client runs authorization code + PKCE and keeps the tokens in
 * its session), write and publish with the editor, moderate comments. Every form carries its CSRF
 * token, and what a role may not do is not offered.
 */
class AdminSiteTests {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static LocalStack stack;
  private static String contributorEmail;
  private static String contributorPassword;

  @BeforeAll
  static void inviteAContributor() throws Exception {
    stack = TestStack.get();
    contributorEmail = "cora-" + UUID.randomUUID() + "@example.org";
    contributorPassword = inviteByApi(contributorEmail, "Cora", "CONTRIBUTOR");
  }

  @Test
  void theOwnerWritesPreviewsAndPublishesAPostWhoseMailReachesSubscribers() throws Exception {
    var browser = new SiteBrowser(stack);
    var credentials = stack.credentials();
    Document admin = browser.signIn(credentials.ownerEmail(), credentials.ownerPassword());
    assertThat(admin.select("h1").text()).isEqualTo("Posts");
    assertThat(SiteBrowser.menu(admin)).contains("Comments", "Subscribers");

    Document editor = browser.page("/admin/posts/new");
    Map<String, String> fields = SiteBrowser.fields(editor, "form#editor");
    assertThat(fields.get("_csrf")).isNotBlank();
    String title = "From the editor " + UUID.randomUUID();
    fields.put("title", title);
    fields.put("body", "Written in the *admin*.\n\n<script>alert(1)</script>");
    fields.put("tags", "Admin, Tests");

    fields.put("action", "preview");
    Document preview = Jsoup.parse(browser.submit("/admin/posts", fields).body());
    assertThat(preview.select("#preview em").text()).isEqualTo("admin");
    assertThat(preview.select("#preview script")).isEmpty();

    fields.put("action", "publish");
    var published = browser.submit("/admin/posts", fields);
    Document saved = Jsoup.parse(published.body());
    assertThat(saved.select(".notice").text()).isEqualTo("Published.");
    assertThat(saved.select("#post-status").text()).isEqualTo("published");

    String slug = saved.select(".status-line a").attr("href");
    assertThat(browser.page(slug).select("article.post h1").text()).isEqualTo(title);
    assertThat(saved.select("textarea#excerpt").text())
        .as("the first words are not the author's excerpt, so they follow the body")
        .isEmpty();
    Map<String, String> update = SiteBrowser.fields(saved, "form#editor");
    update.put("body", "Rewritten in the *admin*.");
    update.put("action", "save");
    assertThat(
            Jsoup.parse(browser.submit(published.uri().getPath(), update).body())
                .select(".notice")
                .text())
        .isEqualTo("Saved.");
    assertThat(browser.page("/").select("article").toString())
        .contains("Rewritten in the admin.")
        .doesNotContain("Written in the admin.");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                java.util.Arrays.stream(stack.receivedMail())
                    .anyMatch(
                        mail -> {
                          try {
                            return title.equals(mail.getSubject());
                          } catch (jakarta.mail.MessagingException e) {
                            return false;
                          }
                        }));
    Document after = browser.page(published.uri().getPath());
    assertThat(after.select("#delivery-summary").text()).contains("sent");
  }

  /**
   * A session that ran out while a form was open (30 minutes without a request, here the browser's
   * cookie forgotten): the editor's text comes back in the editor once signed in again, and any
   * other form leads back to its page saying that it was not done, rather than a bare 403.
   */
  @Test
  void aFormSentAfterTheSessionRanOutIsNotLostOrABare403() throws Exception {
    var browser = new SiteBrowser(stack);
    var credentials = stack.credentials();
    browser.signIn(credentials.ownerEmail(), credentials.ownerPassword());
    Map<String, String> draft = SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    String title = "Typed for a long while " + UUID.randomUUID();
    draft.put("title", title);
    draft.put("body", "Long enough for the session to run out.");
    draft.put("action", "save");
    browser.forget("INKWELL_SESSION");

    var editor = browser.submit("/admin/posts", draft);

    assertThat(editor.uri().getPath())
        .as("%d %s", editor.statusCode(), Jsoup.parse(editor.body()).select("main").text())
        .isEqualTo("/admin/posts/new");
    Document restored = Jsoup.parse(editor.body());
    assertThat(restored.select("input[name=title]").val()).isEqualTo(title);
    assertThat(restored.select("textarea[name=body]").text())
        .isEqualTo("Long enough for the session to run out.");
    assertThat(restored.select(".notice").text())
        .isEqualTo("Your sign-in had run out. Your text is back: save it again.");

    Map<String, String> mail =
        SiteBrowser.fields(browser.page("/admin/account"), "form[action$='/notifications']");
    browser.forget("INKWELL_SESSION");
    var account = browser.submit("/admin/account/notifications", mail);

    assertThat(account.uri().getPath()).isEqualTo("/admin/account");
    Document back = Jsoup.parse(account.body());
    assertThat(back.select(".error").text())
        .isEqualTo(
            "That was not done: your sign-in had run out since the page was opened. Do it again.");
    assertThat(back.select(".notice")).isEmpty();
  }

  @Test
  void theOwnerSchedulesAndUnschedulesADraftAndUnpublishesAPublishedPost() throws Exception {
    var browser = new SiteBrowser(stack);
    var credentials = stack.credentials();
    browser.signIn(credentials.ownerEmail(), credentials.ownerPassword());

    Map<String, String> later = SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    later.put("title", "Next week " + UUID.randomUUID());
    later.put("body", "Soon.");
    // datetime-local, in the blog's zone (UTC on the local stack)
    later.put(
        "publishAt",
        java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
            .plusDays(7)
            .withSecond(0)
            .withNano(0)
            .toString());
    later.put("action", "schedule");
    Document scheduled = Jsoup.parse(browser.submit("/admin/posts", later).body());
    assertThat(scheduled.select(".notice").text()).isEqualTo("Scheduled.");
    assertThat(scheduled.select("#post-status").text()).isEqualTo("scheduled");
    assertThat(scheduled.select("input[name=publishAt]").val())
        .as("the editor shows when")
        .isEqualTo(later.get("publishAt"));
    // and so does the list of what is scheduled, as WordPress's does
    var row =
        browser.page("/admin?status=SCHEDULED").select(".admin-table tbody tr").stream()
            .filter(tr -> tr.text().contains(later.get("title")))
            .findFirst()
            .orElseThrow();
    assertThat(row.select("time").attr("datetime"))
        .startsWith(later.get("publishAt").substring(0, 16));
    Map<String, String> unschedule = SiteBrowser.fields(scheduled, "form#editor");
    unschedule.put("action", "unschedule");
    var draftAgain =
        Jsoup.parse(
            browser.submit(scheduled.select("form#editor").attr("action"), unschedule).body());
    assertThat(draftAgain.select(".notice").text()).isEqualTo("Unscheduled: it is a draft again.");
    assertThat(draftAgain.select("#post-status").text()).isEqualTo("draft");

    // a time that has come publishes now, and the editor says so
    Map<String, String> past = SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    past.put("title", "Last week " + UUID.randomUUID());
    past.put("body", "Late.");
    past.put("publishAt", "2009-03-12T16:41");
    past.put("action", "schedule");
    Document already = Jsoup.parse(browser.submit("/admin/posts", past).body());
    assertThat(already.select(".notice").text()).isEqualTo("Published.");
    assertThat(already.select("#post-status").text()).isEqualTo("published");
    // dated back to that time, as WordPress does, and the date stays the author's to change
    assertThat(already.select("input[name=publishAt]").val()).isEqualTo("2009-03-12T16:41");
    Map<String, String> redate = SiteBrowser.fields(already, "form#editor");
    redate.put("publishAt", "2010-01-02T08:00");
    redate.put("action", "save");
    Document redated =
        Jsoup.parse(browser.submit(already.select("form#editor").attr("action"), redate).body());
    assertThat(redated.select(".notice").text()).isEqualTo("Saved.");
    assertThat(redated.select("#post-status").text()).isEqualTo("published");
    assertThat(redated.select("input[name=publishAt]").val()).isEqualTo("2010-01-02T08:00");

    Map<String, String> now = SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    now.put("title", "Briefly up " + UUID.randomUUID());
    now.put("body", "Gone soon.");
    now.put("action", "publish");
    var published = browser.submit("/admin/posts", now);
    Document page = Jsoup.parse(published.body());
    Map<String, String> again = SiteBrowser.fields(page, "form#editor");
    again.put("action", "unpublish");
    Document unpublished = Jsoup.parse(browser.submit(published.uri().getPath(), again).body());
    assertThat(unpublished.select(".notice").text()).startsWith("Unpublished");
    assertThat(unpublished.select("#post-status").text()).isEqualTo("draft");
  }

  /** A version the form brings back that is no version at all overwrites nothing. */
  @Test
  void anEditorFormWithATamperedVersionSavesNothing() throws Exception {
    var browser = new SiteBrowser(stack);
    var credentials = stack.credentials();
    browser.signIn(credentials.ownerEmail(), credentials.ownerPassword());
    Map<String, String> draft = SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    draft.put("title", "Kept as written " + UUID.randomUUID());
    draft.put("body", "The first text.");
    draft.put("action", "save");
    var saved = browser.submit("/admin/posts", draft);
    Document editor = Jsoup.parse(saved.body());
    String path = saved.uri().getPath();

    Map<String, String> tampered = SiteBrowser.fields(editor, "form#editor");
    tampered.put("etag", "\u202e\u0000\"1\"");
    tampered.put("body", "Text that must not land.");
    tampered.put("action", "save");
    var answer = browser.submit(path, tampered);

    assertThat(answer.statusCode()).isLessThan(500);
    assertThat(Jsoup.parse(answer.body()).select(".error").text()).contains("ETag");
    assertThat(browser.page(path).select("textarea[name=body]").text())
        .isEqualTo("The first text.");
  }

  /**
   * The same post open in two tabs (or by two editors): the later save overwrites nothing it has
   * not seen. Its text stays in the editor with the text saved meanwhile beside it, and saving
   * again, having looked, replaces that one.
   */
  @Test
  void aSaveOverTextSavedMeanwhileKeepsBothAndReplacesItOnlyWhenSavedAgain() throws Exception {
    var browser = new SiteBrowser(stack);
    var credentials = stack.credentials();
    browser.signIn(credentials.ownerEmail(), credentials.ownerPassword());
    Map<String, String> draft = SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    draft.put("title", "Two tabs " + UUID.randomUUID());
    draft.put("body", "The first text.");
    draft.put("action", "save");
    var saved = browser.submit("/admin/posts", draft);
    Document editor = Jsoup.parse(saved.body());
    String path = saved.uri().getPath();
    Map<String, String> firstTab = SiteBrowser.fields(editor, "form#editor");
    Map<String, String> secondTab = SiteBrowser.fields(editor, "form#editor");

    firstTab.put("body", "What the first tab wrote.");
    firstTab.put("action", "save");
    browser.submit(path, firstTab);
    secondTab.put("body", "What the second tab wrote.");
    secondTab.put("action", "save");
    Document conflict = Jsoup.parse(browser.submit(path, secondTab).body());

    assertThat(conflict.select(".error").text()).contains("after you opened it");
    assertThat(conflict.select("form#editor textarea[name=body]").text())
        .as("the second tab's text is not lost")
        .isEqualTo("What the second tab wrote.");
    assertThat(conflict.select("#theirs-body").text()).isEqualTo("What the first tab wrote.");
    assertThat(browser.page(path).select("textarea[name=body]").text())
        .as("nothing overwritten unseen")
        .isEqualTo("What the first tab wrote.");

    Map<String, String> again = SiteBrowser.fields(conflict, "form#editor");
    again.put("action", "save");
    browser.submit(path, again);

    assertThat(browser.page(path).select("textarea[name=body]").text())
        .isEqualTo("What the second tab wrote.");
  }

  @Test
  void anAddressOnlyFormsPostToOpensThePageAboveItInTheBrowser() throws Exception {
    var browser = new SiteBrowser(stack);
    var credentials = stack.credentials();
    browser.signIn(credentials.ownerEmail(), credentials.ownerPassword());
    // a draft without a title is shown again with its error, at the address its form posts to
    Map<String, String> draft = SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    draft.put("title", "");
    draft.put("body", "Words without a title.");
    draft.put("action", "save");
    var refused = browser.submit("/admin/posts", draft);
    assertThat(refused.uri().getPath()).isEqualTo("/admin/posts");
    assertThat(Jsoup.parse(refused.body()).select(".error").text()).isNotEmpty();

    // opened again from the address bar, that address is the list of posts, not an error page
    var reopened = browser.get("/admin/posts");
    assertThat(reopened.statusCode()).isEqualTo(200);
    assertThat(reopened.uri().getPath()).isEqualTo("/admin");
    assertThat(Jsoup.parse(reopened.body()).select("h1").text()).isEqualTo("Posts");
    var password = browser.get("/admin/account/password");
    assertThat(password.statusCode()).isEqualTo(200);
    assertThat(password.uri().getPath()).isEqualTo("/admin/account");
  }

  @Test
  void theOwnerChoosesWhatSearchEnginesAndSharedLinksShowOfAPost() throws Exception {
    var browser = new SiteBrowser(stack);
    var credentials = stack.credentials();
    browser.signIn(credentials.ownerEmail(), credentials.ownerPassword());
    String slug = "harbour-lights-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> post = SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    post.put("title", "Harbour lights");
    post.put("slug", slug);
    post.put("body", "A walk along the harbour at dusk.");
    post.put("metaTitle", "Harbour lights: a photo walk at dusk");
    post.put("metaDescription", "Ten pictures & notes <from> the harbour.");
    post.put("canonicalUrl", "javascript:alert(1)");
    post.put("action", "publish");

    Document refused = Jsoup.parse(browser.submit("/admin/posts", post).body());
    assertThat(refused.select(".error").text()).contains("http");
    assertThat(refused.select("input[name=metaTitle]").val())
        .as("nothing typed is lost")
        .isEqualTo("Harbour lights: a photo walk at dusk");

    post.put("canonicalUrl", "https://photos.example.org/harbour-lights");
    Document published = Jsoup.parse(browser.submit("/admin/posts", post).body());
    assertThat(published.select("#post-status").text()).isEqualTo("published");
    assertThat(published.select("details.meta-tags").hasAttr("open")).isTrue();
    Document page = browser.page("/posts/" + slug);

    assertThat(page.title()).isEqualTo("Harbour lights: a photo walk at dusk");
    assertThat(page.select("meta[property=og:title]").attr("content"))
        .isEqualTo("Harbour lights: a photo walk at dusk");
    assertThat(page.select("meta[name=description]").attr("content"))
        .isEqualTo("Ten pictures & notes <from> the harbour.");
    assertThat(page.select("meta[property=og:description]").attr("content"))
        .isEqualTo("Ten pictures & notes <from> the harbour.");
    assertThat(page.select("link[rel=canonical]").attr("href"))
        .isEqualTo("https://photos.example.org/harbour-lights");
    assertThat(page.select("h1").text())
        .as("readers see the post's own title")
        .isEqualTo("Harbour lights");
    assertThat(browser.sitemapAddresses())
        .as("search engines are sent to the original")
        .noneMatch(address -> address.contains(slug));
  }

  @Test
  void theOwnerInvitesAnAuthorWhoChoosesAPasswordFromTheMailAndLaterChangesIt() throws Exception {
    var owner = new SiteBrowser(stack);
    var credentials = stack.credentials();
    owner.signIn(credentials.ownerEmail(), credentials.ownerPassword());
    Document staffPage = owner.page("/admin/staff");
    String email = "grace-" + UUID.randomUUID() + "@example.org";
    var form = SiteBrowser.fields(staffPage, "form[action$=/admin/staff]");
    form.put("name", "Grace");
    form.put("email", email.replace("@example.org", "@localhost"));
    form.put("role", "AUTHOR");

    Document mistyped = Jsoup.parse(owner.submit("/admin/staff", form).body());
    assertThat(mistyped.select(".error").text())
        .isEqualTo(
            "Some fields are missing or invalid: "
                + "email: must be an address mail can reach, such as ann@example.org.");
    var retry = SiteBrowser.fields(mistyped, "form[action$=/admin/staff]");
    assertThat(retry).as("what was typed is kept").containsEntry("name", "Grace");
    retry.put("email", email);
    Document invited = Jsoup.parse(owner.submit("/admin/staff", retry).body());

    assertThat(invited.select(".notice").text()).contains("Invited Grace", email);
    var row = invited.select(".admin-table tr:has(td:containsOwn(" + email + "))");
    assertThat(row.select("select[name=role] option[selected]").val()).isEqualTo("AUTHOR");
    String mailText = mailTo(email, "/invitation?token=");
    var link =
        java.util.regex.Pattern.compile("(http\\S+/invitation\\?token=[A-Za-z0-9_-]+)")
            .matcher(mailText);
    assertThat(link.find()).as(mailText).isTrue();
    assertThat(link.group(1)).startsWith(stack.gatewayUrl());

    var grace = new SiteBrowser(stack);
    Document choose = grace.page(link.group(1).substring(stack.gatewayUrl().length()));
    var password = SiteBrowser.fields(choose, "form[action$=/invitation]");
    password.put("password", "grace writes in ink");
    password.put("confirmation", "grace writes in ink");
    var accepted = grace.submit("/invitation", password);
    assertThat(Jsoup.parse(accepted.body()).select("h1").text()).isEqualTo("Your password is set");

    Document admin = grace.signIn(email, "grace writes in ink");
    assertThat(SiteBrowser.menu(admin)).doesNotContain("Staff", "Subscribers");
    Document account = grace.page("/admin/account");
    assertThat(account.select("input[name=commentMails]").hasAttr("checked")).isTrue();
    assertThat(account.select("input[name=reviewMails]"))
        .as("authors are not asked to review")
        .isEmpty();
    Document muted =
        Jsoup.parse(
            grace
                .submit(
                    "/admin/account/notifications",
                    Map.of(
                        "_csrf",
                        account.select("form[action$='/notifications'] input[name=_csrf]").val()))
                .body());
    assertThat(muted.select(".notice").text()).isEqualTo("You will get no mails about comments.");
    assertThat(muted.select("input[name=commentMails]").hasAttr("checked")).isFalse();
    var change = SiteBrowser.fields(account, "form[action$=/admin/account/password]");
    change.put("currentPassword", "grace writes in ink");
    change.put("newPassword", "grace rewrites it");
    change.put("confirmation", "grace rewrites it");
    Document changed = Jsoup.parse(grace.submit("/admin/account/password", change).body());
    assertThat(changed.select(".notice").text())
        .isEqualTo("Your password is changed. Every other browser is signed out.");
    assertThat(tokenOf(email, "grace rewrites it")).isNotBlank();
    assertThat(grace.get("/admin").uri().getPath())
        .as("the browser it was changed at stays signed in")
        .isEqualTo("/admin");
  }

  @Test
  void anEditorSetsUpTwoStepSignInWithTheirAppAndSignsInWithItsCodeAfterThePassword()
      throws Exception {
    String email = "vi-" + UUID.randomUUID() + "@example.org";
    String password = inviteByApi(email, "Vi", "EDITOR");
    var browser = new SiteBrowser(stack);
    browser.signIn(email, password);
    Document account = browser.page("/admin/account");
    assertThat(account.select("#two-step ~ p.hint").first().text()).startsWith("Off:");

    Document setup =
        Jsoup.parse(
            browser
                .submit(
                    "/admin/account/two-step",
                    SiteBrowser.fields(account, "form[action$=/admin/account/two-step]"))
                .body());
    assertThat(setup.select(".qr img[src^=data:image/svg+xml;base64,]"))
        .as("a QR code to scan")
        .hasSize(1);
    String key = setup.select("#two-step-key").text().replace(" ", "");
    var wrong = SiteBrowser.fields(setup, "form[action$=/two-step/confirm]");
    wrong.put("code", "000000");
    Document again = Jsoup.parse(browser.submit("/admin/account/two-step/confirm", wrong).body());
    assertThat(again.select(".error").text()).contains("not a code of the app");
    assertThat(again.select("#two-step-key").text().replace(" ", ""))
        .as("the same secret, still to confirm")
        .isEqualTo(key);
    var confirm = SiteBrowser.fields(again, "form[action$=/two-step/confirm]");
    confirm.put("code", code(key, 0));
    Document on = Jsoup.parse(browser.submit("/admin/account/two-step/confirm", confirm).body());

    assertThat(on.select(".notice").text()).startsWith("Two-step sign-in is on");
    assertThat(on.select(".recovery-codes li")).hasSize(10);
    Document later = browser.page("/admin/account");
    assertThat(later.select(".recovery-codes")).as("shown once").isEmpty();
    assertThat(later.select("#recovery-codes-left").text()).isEqualTo("10 recovery codes left.");
    var renew = SiteBrowser.fields(later, "form[action$=/two-step/recovery-codes]");
    renew.put("currentPassword", password);
    Document renewed =
        Jsoup.parse(browser.submit("/admin/account/two-step/recovery-codes", renew).body());
    assertThat(renewed.select(".notice").text()).startsWith("Here are your new recovery codes");
    assertThat(renewed.select(".recovery-codes li").eachText())
        .hasSize(10)
        .doesNotContainAnyElementsOf(on.select(".recovery-codes li").eachText());
    assertThat(mailTo(email, "Two-step sign-in was turned on for your account"))
        .as("Vi is told, in case it was not them")
        .contains("Hello Vi");

    // another computer: the password, then the code
    var other = new SiteBrowser(stack);
    var asked = other.sendSignInForm(email, password);
    Document codePage = Jsoup.parse(asked.body());
    assertThat(codePage.select("input[name=code]")).hasSize(1);
    assertThat(codePage.select("input[name=password]")).isEmpty();
    var code = SiteBrowser.fields(codePage, "form[action$=/login]");
    code.put("code", code(key, 30));
    var in = other.submit("/login", code);
    assertThat(in.uri().getPath()).isEqualTo("/admin");

    // Vi's phone is lost, and the recovery codes with it: the owner turns it off
    var owner = new SiteBrowser(stack);
    owner.signIn(stack.credentials().ownerEmail(), stack.credentials().ownerPassword());
    Document staff = owner.page("/admin/staff");
    var row = staff.select("tr:contains(" + email + ")").first();
    assertThat(row.text()).contains("On");
    Document off =
        Jsoup.parse(
            owner
                .submit(
                    row.selectFirst("form[action$=/two-step/off]").attr("action"),
                    SiteBrowser.fields(row.selectFirst("form[action$=/two-step/off]")))
                .body());
    assertThat(off.select(".notice").text())
        .isEqualTo("Two-step sign-in of Vi is off: their password alone signs them in.");
    new SiteBrowser(stack).signIn(email, password);
  }

  /**
   * Ghost's and GitHub's "Require two-factor authentication": an admin with two-step sign-in
   * requires it of all staff on the Staff page, and a member without it sets it up at their next
   * sign-in, before they get anywhere, with their recovery codes shown once on the way in.
   */
  @Test
  void anAdminRequiresTwoStepSignInAndAMemberWithoutItSetsItUpOnTheWayIn() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String noor = "noor-" + run + "@example.org";
    String noorPassword = inviteByApi(noor, "Noor", "ADMIN");
    var noorApi = new ApiClient(stack.gatewayUrl()).withToken(tokenOf(noor, noorPassword));
    String noorKey = noorApi.post("/api/staff/me/two-step", "{}").text("key").replace(" ", "");
    noorApi.put("/api/staff/me/two-step", ApiClient.json(Map.of("code", code(noorKey, 0))));
    String ike = "ike-" + run + "@example.org";
    String ikePassword = inviteByApi(ike, "Ike", "AUTHOR");
    var admin = new SiteBrowser(stack);
    var asked = Jsoup.parse(admin.sendSignInForm(noor, noorPassword).body());
    var code = SiteBrowser.fields(asked, "form[action$=/login]");
    code.put("code", code(noorKey, 30));
    assertThat(admin.submit("/login", code).uri().getPath()).isEqualTo("/admin");
    Document staff = admin.page("/admin/staff");
    var policy = SiteBrowser.fields(staff, "form[action$=/admin/staff/security-policy]");
    assertThat(policy).doesNotContainKey("twoStepRequired");
    policy.put("twoStepRequired", "true");

    Document required = Jsoup.parse(admin.submit("/admin/staff/security-policy", policy).body());

    try {
      assertThat(required.select(".notice").text())
          .startsWith("Two-step sign-in is required of all staff: ")
          .endsWith(" set it up at their next sign-in.");
      assertThat(required.select("input[name=twoStepRequired]").hasAttr("checked")).isTrue();

      var ikesBrowser = new SiteBrowser(stack);
      Document mailed = Jsoup.parse(ikesBrowser.sendSignInForm(ike, ikePassword).body());
      assertThat(mailed.select("input[name=password]")).as("past the password").isEmpty();
      assertThat(mailed.select("h1").text()).isEqualTo("Set up two-step sign-in");
      assertThat(mailed.select(".qr img")).as("not before the mailed code").isEmpty();
      Matcher sixDigits =
          Pattern.compile("^\\s*(\\d{6})\\s*$", Pattern.MULTILINE)
              .matcher(mailTo(ike, "set up two-step sign-in"));
      assertThat(sixDigits.find()).as("the code in Ike's mail").isTrue();
      var mailedCode = SiteBrowser.fields(mailed, "form[action$=/login]");
      mailedCode.put("code", sixDigits.group(1));
      Document setup = Jsoup.parse(ikesBrowser.submit("/login", mailedCode).body());
      assertThat(setup.select(".qr img[src^=data:image/svg+xml;base64,]")).hasSize(1);
      String key = setup.select("#two-step-key").text().replace(" ", "");
      var first = SiteBrowser.fields(setup, "form[action$=/login]");
      first.put("code", code(key, 0));
      var codes = ikesBrowser.submit("/login", first);
      Document shown = Jsoup.parse(codes.body());
      assertThat(codes.uri().getPath()).isEqualTo("/two-step/recovery-codes");
      assertThat(shown.select(".recovery-codes li")).hasSize(10);
      URI link = URI.create(shown.select("a.button").attr("href"));
      assertThat(link.getPath()).isEqualTo("/oauth2/authorize");
      assertThat(link.getPort())
          .as("through the gateway")
          .isIn(-1, URI.create(stack.gatewayUrl()).getPort());
      var onwards = ikesBrowser.get(link.getRawPath() + "?" + link.getRawQuery());
      assertThat(onwards.uri().getPath()).as("into the admin at last").isEqualTo("/admin");
      Document account = ikesBrowser.page("/admin/account");
      assertThat(account.select("#two-step-required").text()).startsWith("The blog requires");
      assertThat(account.select("form[action$=/two-step/off]")).as("it stays on").isEmpty();
      assertThat(mailTo(ike, "Two-step sign-in was turned on for your account"))
          .contains("Hello Ike");
    } finally {
      var off = SiteBrowser.fields(admin.page("/admin/staff"), "form[action$=/security-policy]");
      off.remove("twoStepRequired");
      Document notRequired = Jsoup.parse(admin.submit("/admin/staff/security-policy", off).body());
      assertThat(notRequired.select(".notice").text())
          .isEqualTo("Two-step sign-in is up to each staff member again.");
    }
    new SiteBrowser(stack).signIn(contributorEmail, contributorPassword);
  }

  /** The code Vi's authenticator app shows {@code later} seconds from now. */
  private static String code(String key, long later) throws Exception {
    var totp = new com.eatthepath.otp.TimeBasedOneTimePasswordGenerator();
    return totp.generateOneTimePasswordString(
        new javax.crypto.spec.SecretKeySpec(
            new org.apache.commons.codec.binary.Base32().decode(key), totp.getAlgorithm()),
        java.time.Instant.now().plusSeconds(later));
  }

  @Test
  void aStaffMemberSignsOutTheBrowsersTheyLeftSignedInFromTheirAccountPage() throws Exception {
    String email = "flo-" + UUID.randomUUID() + "@example.org";
    String password = inviteByApi(email, "Flo", "AUTHOR");
    var laptop = new SiteBrowser(stack);
    laptop.signIn(email, password);
    var library = new SiteBrowser(stack);
    library.signIn(email, password);
    var phone = new SiteBrowser(stack);
    phone.signIn(email, password);

    Document account = laptop.page("/admin/account");
    var browsers = account.select("ul.browsers li");
    assertThat(browsers.eachText())
        .as("the one used last first")
        .hasSize(3)
        .allMatch(row -> row.contains("Last active") && row.contains("signed in"));
    assertThat(browsers.get(2).select(".this").text()).isEqualTo("This browser");
    assertThat(browsers.select(".this")).hasSize(1);
    assertThat(browsers.get(2).select("form")).as("this one is signed out with Sign out").isEmpty();

    // the library's computer (signed in before the phone), left signed in
    Document one =
        Jsoup.parse(
            laptop
                .submit(
                    "/admin/account/browsers/sign-out",
                    SiteBrowser.fields(browsers.get(1).selectFirst("form")))
                .body());

    assertThat(one.select(".notice").text()).isEqualTo("That browser is signed out.");
    assertThat(one.select("ul.browsers li")).hasSize(2);
    assertThat(library.get("/admin").uri().getPath())
        .as("at once, not when its tokens run out")
        .isEqualTo("/login");
    assertThat(phone.get("/admin").uri().getPath()).isEqualTo("/admin");

    Document elsewhere =
        Jsoup.parse(
            laptop
                .submit(
                    "/admin/account/browsers/sign-out-elsewhere",
                    SiteBrowser.fields(one, "form[action$=/sign-out-elsewhere]"))
                .body());

    assertThat(elsewhere.select(".notice").text())
        .isEqualTo("You are signed out of 1 other browser.");
    assertThat(elsewhere.select("ul.browsers li")).hasSize(1);
    assertThat(elsewhere.select("ul.browsers .this").text()).isEqualTo("This browser");
    assertThat(elsewhere.select("form[action$=/sign-out-elsewhere]")).isEmpty();
    assertThat(phone.get("/admin").uri().getPath()).isEqualTo("/login");
    assertThat(laptop.get("/admin").uri().getPath()).isEqualTo("/admin");
  }

  /** The text of the first mail to this address with this text in it, once it has come. */
  private static String mailTo(String address, String containing) {
    return await()
        .atMost(PATIENCE)
        .until(
            () ->
                java.util.Arrays.stream(stack.receivedMail())
                    .filter(mail -> to(mail, address))
                    .map(TestStack::text)
                    .filter(text -> text.contains(containing))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  @Test
  void anAuthorDescribesThemselfAndReadersSeeItOnTheirPageAndUnderTheirPosts() throws Exception {
    String email = "ada-" + UUID.randomUUID() + "@example.org";
    String password = inviteByApi(email, "ada", "AUTHOR");
    String token = tokenOf(email, password);
    var api = new ApiClient(stack.gatewayUrl()).withToken(token);
    String adaId = api.get("/api/staff/me").text("id");
    String postId =
        api.post("/api/posts", ApiClient.json(Map.of("title", "Notes on the engine", "body", "G.")))
            .text("id");
    assertThat(api.post("/api/posts/" + postId + "/publish", "{}").status()).isEqualTo(200);
    String slug = api.get("/api/posts/" + postId).text("slug");
    var ada = new SiteBrowser(stack);
    ada.signIn(email, password);
    var form =
        SiteBrowser.fields(ada.page("/admin/account"), "form[action$=/admin/account/profile]");
    form.put("name", "Ada Lovelace");
    form.put("bio", "Wrote the first program, for an engine not yet built.");
    form.put("website", "https://ada.example.org");

    Document saved =
        Jsoup.parse(
            ada.upload(
                    "/admin/account/profile",
                    form,
                    "picture",
                    "ada.png",
                    TestStack.picture(ThreadLocalRandom.current().nextInt(100, 1100), 100))
                .body());

    assertThat(saved.select(".notice").text())
        .as(saved.select("main").text())
        .startsWith("Your profile is saved");
    assertThat(saved.select("textarea[name=bio]").text())
        .isEqualTo("Wrote the first program, for an engine not yet built.");
    // the admin greets her by her new name at once, not at her next sign-in
    assertThat(saved.select("a.who").text()).startsWith("Ada Lovelace (");
    var reader = new SiteBrowser(stack);
    // at once: the web that saved it shows it, without waiting for post-service to hear of it
    Document authorPage = reader.page("/authors/" + adaId);
    assertThat(authorPage.select("h1").text()).isEqualTo("Posts by Ada Lovelace");
    assertThat(authorPage.select(".list-introduction").text())
        .isEqualTo("Wrote the first program, for an engine not yet built.");
    assertThat(authorPage.select(".list-website a").text()).isEqualTo("ada.example.org");
    String picture = authorPage.select("img.list-avatar").attr("src");
    assertThat(picture).startsWith("/api/images/").endsWith("?w=600");
    assertThat(reader.get(picture).statusCode()).as("the picture is there to see").isEqualTo(200);
    Document post =
        await()
            .atMost(PATIENCE)
            .until(
                () -> reader.page("/posts/" + slug),
                page -> page.select(".byline a").text().equals("Ada Lovelace"));
    assertThat(post.select("aside.author-bio h2").text()).isEqualTo("About Ada Lovelace");

    form.put("website", "javascript:alert(1)");
    Document refused = Jsoup.parse(ada.submit("/admin/account/profile", form).body());
    assertThat(refused.select(".error").text()).contains("http or https");
    assertThat(refused.select("input[name=website]").val()).isEqualTo("https://ada.example.org");
  }

  @Test
  void aStaffMemberWhoForgotTheirPasswordChoosesANewOneThroughTheMailedLink() throws Exception {
    String email = "fay-" + UUID.randomUUID() + "@example.org";
    inviteByApi(email, "Fay", "AUTHOR");
    var fay = new SiteBrowser(stack);
    var login = fay.get("/admin");
    Document signInPage = Jsoup.parse(login.body(), login.uri().toString());
    String forgot = signInPage.select("a:containsOwn(Forgot your password?)").attr("abs:href");
    Document ask = fay.page(URI.create(forgot).getPath());
    var form = SiteBrowser.fields(ask, "form[action$=/password-reset]");
    form.put("email", email);

    Document asked = Jsoup.parse(fay.submit("/password-reset", form).body());

    assertThat(asked.select("h1").text()).isEqualTo("Check your inbox");
    String mailText = mailTo(email, "/password-reset?token=");
    var link =
        java.util.regex.Pattern.compile("(http\\S+/password-reset\\?token=[A-Za-z0-9_-]+)")
            .matcher(mailText);
    assertThat(link.find()).as(mailText).isTrue();
    Document choose = fay.page(link.group(1).substring(stack.gatewayUrl().length()));
    var password = SiteBrowser.fields(choose, "form[action$=/password-reset]");
    password.put("password", "fay remembers this one");
    password.put("confirmation", "fay remembers this one");
    var done = Jsoup.parse(fay.submit("/password-reset", password).body());
    assertThat(done.select("h1").text()).isEqualTo("Your password is set");
    assertThat(new SiteBrowser(stack).signIn(email, "fay remembers this one").select("h1").text())
        .isEqualTo("Posts"); // and she is told it changed, with what to do had it not been her
    assertThat(mailTo(email, "was changed at"))
        .contains("Hello Fay")
        .contains(stack.gatewayUrl() + "/password-reset")
        .contains(stack.gatewayUrl() + "/admin/account");
  }

  @Test
  void theOwnerPromotesAndThenSuspendsAStaffMemberFromTheStaffPage() throws Exception {
    String email = "sam-" + UUID.randomUUID() + "@example.org";
    String password = inviteByApi(email, "Sam", "AUTHOR");
    var owner = new SiteBrowser(stack);
    var credentials = stack.credentials();
    owner.signIn(credentials.ownerEmail(), credentials.ownerPassword());
    Document staffPage = owner.page("/admin/staff");
    String rowOfSam = ".admin-table tr:has(td:containsOwn(" + email + "))";
    assertThat(staffPage.select(rowOfSam + " .last-signed-in").text())
        .as("Sam has not signed in yet")
        .isEqualTo("Never");
    String rowOfOwner = ".admin-table tr:has(td:containsOwn(" + credentials.ownerEmail() + "))";
    assertThat(staffPage.select(rowOfOwner + " .last-signed-in time").text())
        .matches("[A-Z][a-z]+day, [A-Z][a-z]+ \\d{1,2}, \\d{4}");
    var roleForm = staffPage.select(rowOfSam + " form[action$=/role]");
    var role = SiteBrowser.fields(staffPage, rowOfSam + " form[action$=/role]");
    role.put("role", "EDITOR");

    Document promoted = Jsoup.parse(owner.submit(roleForm.attr("action"), role).body());

    assertThat(promoted.select(".notice").text()).startsWith("Sam is an editor now");
    assertThat(promoted.select(rowOfSam + " option[selected]").val()).isEqualTo("EDITOR");
    assertThat(promoted.select(rowOfSam + " time").text())
        .matches("[A-Z][a-z]+day, [A-Z][a-z]+ \\d{1,2}, \\d{4}");
    var sam = new SiteBrowser(stack);
    assertThat(SiteBrowser.menu(sam.signIn(email, password))).contains("Comments");
    var samsApi = new ApiClient(stack.gatewayUrl()).withToken(tokenOf(email, password));
    assertThat(samsApi.get("/api/staff/me").status()).isEqualTo(200);
    // tokens count time in whole seconds: the suspension comes in a later second than they
    long signedInSecond = Instant.now().getEpochSecond();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Instant.now().getEpochSecond() > signedInSecond);
    // Nobody is offered to change the owner's role or suspend them.
    assertThat(
            promoted.select(
                ".admin-table tr:has(td:containsOwn(" + credentials.ownerEmail() + ")) form"))
        .isEmpty();

    var suspendForm = promoted.select(rowOfSam + " form[action$=/suspended]");
    Document suspended =
        Jsoup.parse(
            owner
                .submit(
                    suspendForm.attr("action"),
                    SiteBrowser.fields(promoted, rowOfSam + " form[action$=/suspended]"))
                .body());

    assertThat(suspended.select(".notice").text()).startsWith("Sam is suspended");
    assertThat(suspended.select(rowOfSam).text()).contains("Suspended", "Give access back");
    // what Sam signed in with minutes ago stops working now, not when it would have expired:
    // at auth-service, which asks the account, and at the gateway, which reads the suspension
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                samsApi.get("/api/staff/me").status() == 401
                    && samsApi.get("/api/posts?status=DRAFT").status() == 401);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(sam.get("/admin").uri().getPath())
                    .as("Sam's open admin session ends at the sign-in page")
                    .isEqualTo("/login"));
    var back = new SiteBrowser(stack).sendSignInForm(email, password);
    assertThat(back.uri().getPath()).isEqualTo("/login");
    assertThat(Jsoup.parse(back.body()).select("[role=alert]").text())
        .contains("This account is suspended");
  }

  @Test
  void theOwnerRemovesAStaffMemberWhosePostsStayUnderTheirName() throws Exception {
    String email = "rita-" + UUID.randomUUID() + "@example.org";
    String password = inviteByApi(email, "Rita", "AUTHOR");
    String rita = tokenOf(email, password);
    var ritas = new ApiClient(stack.gatewayUrl()).withToken(rita);
    var post =
        ritas.post(
            "/api/posts",
            ApiClient.json(Map.of("title", "Rita's last word " + email, "body", "Goodbye.")));
    ritas.post("/api/posts/" + post.text("id") + "/publish", "");
    var owner = new SiteBrowser(stack);
    var credentials = stack.credentials();
    owner.signIn(credentials.ownerEmail(), credentials.ownerPassword());
    String rowOfRita = ".admin-table tr:has(td:containsOwn(" + email + "))";
    Document staffPage = owner.page("/admin/staff");
    assertThat(
            staffPage.select(
                ".admin-table tr:has(td:containsOwn(" + credentials.ownerEmail() + ")) a"))
        .as("nobody is offered to remove the owner")
        .isEmpty();

    Document asked = owner.page(staffPage.select(rowOfRita + " a.danger-link").attr("href"));
    assertThat(asked.select("main p").first().text()).startsWith("Remove Rita?");
    Document removed =
        Jsoup.parse(
            owner
                .submit(
                    asked.select("form[action$=/remove]").attr("action"),
                    SiteBrowser.fields(asked, "form[action$=/remove]"))
                .body());

    assertThat(removed.select(".notice").text()).startsWith("Rita is removed");
    assertThat(removed.select(rowOfRita)).isEmpty();
    var back = new SiteBrowser(stack).sendSignInForm(email, password);
    assertThat(back.uri().getPath()).isEqualTo("/login");
    Document kept =
        Jsoup.parse(
            new ApiClient(stack.gatewayUrl()).get("/posts/" + post.text("slug")).raw().body());
    assertThat(kept.select("article.post .byline a").text()).isEqualTo("Rita");
  }

  @Test
  void aContributorMailsThemselfATestOfTheirDraft() throws Exception {
    var browser = new SiteBrowser(stack);
    browser.signIn(contributorEmail, contributorPassword);
    Map<String, String> fields =
        SiteBrowser.fields(browser.page("/admin/posts/new"), "form#editor");
    String title = "A draft to try " + UUID.randomUUID();
    fields.put("title", title);
    fields.put("body", "Will it read well in an inbox?\n\n## With a heading of its own");
    fields.put("action", "save");
    Document saved = Jsoup.parse(browser.submit("/admin/posts", fields).body());
    String action = saved.select("form[action$=/test-mail]").attr("action");
    assertThat(action).as("the editor offers a test mail").isNotBlank();

    Document tested =
        Jsoup.parse(
            browser.submit(action, SiteBrowser.fields(saved, "form[action$=/test-mail]")).body());

    assertThat(tested.select(".notice").text()).contains("on its way to " + contributorEmail);
    assertThat(mailTo(contributorEmail, "Will it read well in an inbox?"))
        .contains(title)
        .as("the whole post, as subscribers will get it, with its byline")
        .contains("<h2>With a heading of its own</h2>")
        .contains("By Cora · ");
  }

  /** The number beside "Comments" in the admin menu; 0 when none is shown. */
  private static int waitingBesideComments(Document page) {
    var badge = page.select("nav[aria-label=Admin] a[href=/admin/comments] .badge");
    return badge.isEmpty() ? 0 : Integer.parseInt(badge.first().ownText().strip());
  }

  /** A token of this person's, signed in with the login form as the web client does. */
  private static String tokenOf(String email, String password) {
    return new SignIn(stack.gatewayUrl())
        .person("inkwell-web", stack.gatewayUrl() + "/login/oauth2/code/inkwell", email, password);
  }

  /** Invites through the API as the owner; the temporary password. */
  private static String inviteByApi(String email, String name, String role) {
    var credentials = stack.credentials();
    String owner = tokenOf(credentials.ownerEmail(), credentials.ownerPassword());
    return new ApiClient(stack.gatewayUrl())
        .withToken(owner)
        .post("/api/staff", ApiClient.json(Map.of("email", email, "name", name, "role", role)))
        .text("temporaryPassword");
  }

  private static boolean to(jakarta.mail.internet.MimeMessage mail, String address) {
    try {
      return java.util.Arrays.stream(mail.getAllRecipients())
          .anyMatch(recipient -> recipient.toString().equals(address));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void signingOutEndsTheSignInAtAuthServiceSoTheNextVisitAsksForThePassword() throws Exception {
    var browser = new SiteBrowser(stack);
    Document admin = browser.signIn(contributorEmail, contributorPassword);
    // Without signing out, opening the admin again needs no password: auth-service remembers.
    assertThat(browser.get("/admin").uri().getPath()).isEqualTo("/admin");

    var out =
        browser.submit(
            "/admin/sign-out", SiteBrowser.fields(admin, "form[action$=/admin/sign-out]"));

    assertThat(out.statusCode()).isEqualTo(200);
    assertThat(out.uri().getPath()).isEqualTo("/");
    var again = browser.get("/admin");
    assertThat(again.uri().getPath()).isEqualTo("/login");
    assertThat(Jsoup.parse(again.body()).select("input[name=password]")).hasSize(1);
  }

  @Test
  void aFormAnotherSiteSendsWithoutTheCsrfTokenIsRefused() throws Exception {
    var browser = new SiteBrowser(stack);
    var credentials = stack.credentials();
    browser.signIn(credentials.ownerEmail(), credentials.ownerPassword());
    String title = "Forged " + UUID.randomUUID();

    var forged =
        browser.submitFromElsewhere(
            "/admin/posts", Map.of("title", title, "body", "x", "action", "save"));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(browser.page("/admin/posts/new").select("input[name=title]").val())
        .as("nor is its text put in the author's editor")
        .isEmpty();
    assertThat(browser.page("/admin?q=" + title.substring(7)).text()).doesNotContain(title);
  }

  @Test
  void aContributorIsNotOfferedPublishingModerationOrSubscribers() throws Exception {
    var browser = new SiteBrowser(stack);
    Document admin = browser.signIn(contributorEmail, contributorPassword);

    assertThat(SiteBrowser.menu(admin)).doesNotContain("Comments", "Subscribers");
    Document editor = browser.page("/admin/posts/new");
    assertThat(editor.select("button[name=action]").eachAttr("value"))
        .contains("save", "preview", "submit")
        .doesNotContain("publish", "schedule");
  }

  @Test
  void aContributorSubmitsADraftForReviewAndTheOwnerFindsItWaiting() throws Exception {
    var cora = new SiteBrowser(stack);
    cora.signIn(contributorEmail, contributorPassword);
    Map<String, String> fields = SiteBrowser.fields(cora.page("/admin/posts/new"), "form#editor");
    String title = "Ready when you are " + UUID.randomUUID();
    fields.put("title", title);
    fields.put("body", "Have a look.");
    fields.put("action", "submit");

    var submitted = cora.submit("/admin/posts", fields);

    Document editor = Jsoup.parse(submitted.body());
    assertThat(editor.select(".notice").text()).startsWith("Saved and submitted for review");
    assertThat(editor.select("#review").text()).startsWith("submitted for review");
    assertThat(editor.select("button[name=action]").eachAttr("value")).doesNotContain("submit");
    var owner = new SiteBrowser(stack);
    var credentials = stack.credentials();
    // the editors are mailed, with the way to the draft
    assertThat(mailTo(credentials.ownerEmail(), title))
        .contains("Cora submitted")
        .contains(stack.gatewayUrl() + "/admin/posts/");
    owner.signIn(credentials.ownerEmail(), credentials.ownerPassword());
    Document waiting = owner.page("/admin?status=REVIEW");
    assertThat(waiting.select(".admin-table td a").eachText()).contains(title);
    // and the menu says drafts wait, as it says comments do
    assertThat(waiting.select("nav[aria-label=Admin] a[href=/admin] .badge").text())
        .matches("\\d+ for review");
    assertThat(waiting.select(".tabs a[aria-current=page]").text())
        .matches("For review \\(\\d+\\)");
    assertThat(owner.page("/admin?status=DRAFT").select(".admin-table td a").eachText())
        .doesNotContain(title);
  }

  @Test
  void anEditorWhoTurnedReviewMailsOffIsNotMailedWhileTheOwnerStillIs() throws Exception {
    String email = "bea-" + UUID.randomUUID() + "@example.org";
    String password = inviteByApi(email, "Bea", "EDITOR");
    var bea = new SiteBrowser(stack);
    bea.signIn(email, password);
    Document account = bea.page("/admin/account");
    assertThat(account.select("input[name=reviewMails]").hasAttr("checked")).isTrue();
    var mail = SiteBrowser.fields(account, "form[action$='/notifications']");
    mail.remove("reviewMails"); // unticked

    Document saved = Jsoup.parse(bea.submit("/admin/account/notifications", mail).body());

    assertThat(saved.select(".notice").text())
        .isEqualTo(
            "You will get a mail when a reader comments on one of your posts, and none about"
                + " drafts submitted for review.");
    assertThat(saved.select("input[name=reviewMails]").hasAttr("checked")).isFalse();
    assertThat(saved.select("input[name=commentMails]").hasAttr("checked")).isTrue();
    // the choice reaches notification-service by blog.staff-events: the draft comes after it
    String beaId =
        new ApiClient(stack.gatewayUrl())
            .withToken(tokenOf(email, password))
            .get("/api/staff/me")
            .text("id");
    String brokers = stack.kafkaBootstrapServers();
    var choice =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    Topics.readAll(brokers, "blog.staff-events").stream()
                        .filter(
                            r ->
                                r.key().equals(beaId)
                                    && r.value().contains("\"reviewMails\":false"))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    await().atMost(PATIENCE).until(() -> Topics.consumed(brokers, "notification-service", choice));
    var cora = new SiteBrowser(stack);
    cora.signIn(contributorEmail, contributorPassword);
    Map<String, String> draft = SiteBrowser.fields(cora.page("/admin/posts/new"), "form#editor");
    String title = "Bea need not look " + UUID.randomUUID();
    draft.put("title", title);
    draft.put("body", "Anyone else may.");
    draft.put("action", "submit");
    assertThat(cora.submit("/admin/posts", draft).statusCode()).isEqualTo(200);
    // the owner is mailed; once the submission is handled whole, Bea was not
    assertThat(mailTo(stack.credentials().ownerEmail(), title)).contains("Cora submitted");
    var submitted =
        Topics.readAll(brokers, "blog.post-events").stream()
            .filter(r -> r.value().contains("PostSubmitted") && r.value().contains(title))
            .findFirst()
            .orElseThrow();
    await()
        .atMost(PATIENCE)
        .until(() -> Topics.consumed(brokers, "notification-service-reviews", submitted));
    assertThat(
            java.util.Arrays.stream(stack.receivedMail())
                .filter(received -> to(received, email))
                .map(TestStack::text)
                .filter(text -> text.contains(title)))
        .isEmpty();
  }

  /**
   * A reader ticks "Email me when someone replies" on the post's page, confirms with the link of
   * the mail that asks (as following is confirmed), is mailed about a reply, and stops the rest
   * with that mail's link.
   */
  @Test
  void aCommenterWhoAskedForRepliesIsMailedOneAndStopsTheRestWithItsLink() throws Exception {
    var reader = new ApiClient(stack.gatewayUrl());
    String run = UUID.randomUUID().toString().substring(0, 8);
    String ada = "ada-" + run + "@example.org";
    String question = "Which bus goes to the harbour? " + run;
    String answer = "The 28, every ten minutes. " + run;
    String postId = TestStack.postWithAHeldComment("Questions welcome " + run, "Anyone? " + run);

    var sent = commentWithTheForm(postId, "Ada", ada, question, "notifyOnReply");
    assertThat(sent.uri().getQuery())
        .as(sent.body())
        .matches("comment=(held|posted)&follow=replies");
    assertThat(Jsoup.parse(sent.body()).select("#comments .notice").text())
        .contains("Mails about replies to your comment start once it is up");
    var owner = new SiteBrowser(stack);
    owner.signIn(stack.credentials().ownerEmail(), stack.credentials().ownerPassword());
    approveIfHeld(owner, postId, question);
    String asking = mailTo(ada, "/subscriptions/comments?token=");
    assertThat(asking).contains("replies to your comment on");
    Document confirmed = pressTheButtonOfTheLinkIn(asking, "/subscriptions/comments", "Confirm");
    assertThat(confirmed.select("h1").text()).isEqualTo("You will hear of replies");
    String questionId =
        java.util.stream.StreamSupport.stream(
                reader.get("/api/posts/" + postId + "/comments").json().path("items").spliterator(),
                false)
            .filter(comment -> comment.toString().contains(question))
            .findFirst()
            .orElseThrow()
            .path("id")
            .asString();
    reader.post(
        "/api/posts/" + postId + "/comments",
        ApiClient.json(
            Map.of(
                "authorName",
                "Bob",
                "authorEmail",
                "bob-" + run + "@example.org",
                "body",
                answer,
                "parentId",
                questionId,
                "renderedAt",
                Instant.now().minusSeconds(60).toString())));
    approveIfHeld(owner, postId, answer);

    String mail = mailTo(ada, answer);
    assertThat(mail).contains("Bob replied to your comment");
    stopWithTheLinkOf(mail);
    Document forged =
        Jsoup.parse(
            new SiteBrowser(stack)
                .submit("/subscriptions/replies", Map.of("token", "forged.token"))
                .body());
    assertThat(forged.select("h1").text()).isEqualTo("This link does not work");
  }

  /**
   * Blogger's "Notify me": a reader ticks the comment form's box on the post's page, confirms with
   * the link of the mail that asks, and is mailed about a later comment by someone else, then stops
   * the mails with that mail's link.
   */
  @Test
  void aReaderWhoTicksNotifyMeIsMailedAboutLaterCommentsAndStopsThemWithTheLink() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String ada = "ada-" + run + "@example.org";
    String postId = TestStack.postWithAHeldComment("Follow along " + run, "Anyone? " + run);

    var sent =
        commentWithTheForm(postId, "Ada", ada, "Tell me how it goes " + run, "notifyOnComments");
    assertThat(sent.uri().getQuery()).as(sent.body()).matches("comment=(held|posted)&follow=asked");
    assertThat(Jsoup.parse(sent.body()).select("#comments .notice").text())
        .contains("Mails about new comments on this post start once your comment is up");
    var owner = new SiteBrowser(stack);
    owner.signIn(stack.credentials().ownerEmail(), stack.credentials().ownerPassword());
    approveIfHeld(owner, postId, "Tell me how it goes " + run);
    // as Jetpack does, a mail asks first: its link opens a page whose button confirms
    String asking = mailTo(ada, "/subscriptions/comments?token=");
    Document following = pressTheButtonOfTheLinkIn(asking, "/subscriptions/comments", "Confirm");
    assertThat(following.select("h1").text()).isEqualTo("You follow the comments");
    String news = "It went well. " + run;
    TestStack.commentOnceKnown(postId, "Bob", "bob-" + run + "@example.org", news);
    approveIfHeld(owner, postId, news);

    String mail = mailTo(ada, news);

    assertThat(mail).contains("Bob commented on").contains("Follow along " + run);
    stopWithTheLinkOf(mail);
  }

  /**
   * A reader sends the comment form of the post's page with the box named {@code box} ticked, as if
   * they had read the page a minute before; what the browser lands on after the redirect.
   */
  private static java.net.http.HttpResponse<String> commentWithTheForm(
      String postId, String name, String email, String body, String box) throws Exception {
    String slug = new ApiClient(stack.gatewayUrl()).get("/api/posts/" + postId).text("slug");
    var browser = new SiteBrowser(stack);
    var form = browser.page("/posts/" + slug).selectFirst("form#comment-form");
    Map<String, String> fields = SiteBrowser.fields(form);
    fields.putAll(
        Map.of(
            "authorName",
            name,
            "authorEmail",
            email,
            "body",
            body,
            box,
            "true",
            "renderedAt",
            Instant.parse(fields.get("renderedAt")).minusSeconds(60).toString()));
    return browser.submit(form.attr("action"), fields);
  }

  /** The stop link of a comment mail, opened and its button pressed by whoever holds the mail. */
  private static void stopWithTheLinkOf(String mail) throws Exception {
    Document stopped =
        pressTheButtonOfTheLinkIn(mail, "/subscriptions/replies", "No more mails about comments");

    assertThat(stopped.select("h1").text()).isEqualTo("No more comment mails");
  }

  /**
   * The page the mail's link to {@code path} opens, in a browser of its own, and what its button,
   * which says {@code button}, answers.
   */
  private static Document pressTheButtonOfTheLinkIn(String mail, String path, String button)
      throws Exception {
    var link =
        java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(path)
                    + "\\?token=([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)")
            .matcher(mail);
    assertThat(link.find()).as(mail).isTrue();
    var browser = new SiteBrowser(stack);
    Document page = browser.page(path + "?token=" + link.group(1));
    assertThat(page.select("main form button").text()).isEqualTo(button);
    return Jsoup.parse(
        browser.submit(path, SiteBrowser.fields(page, "form[action=" + path + "]")).body());
  }

  /** Approves the comment with this text from the queue, unless the policy let it through. */
  private static void approveIfHeld(SiteBrowser browser, String postId, String text)
      throws Exception {
    var held =
        browser.page("/admin/comments?post=" + postId).select("li.queued").stream()
            .filter(item -> item.text().contains(text))
            .findFirst();
    if (held.isPresent()) {
      var approve = held.get().selectFirst("form[action$=/approve]");
      Map<String, String> fields = new LinkedHashMap<>();
      approve.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
      browser.submit(approve.attr("action"), fields);
    }
    assertThat(
            new ApiClient(stack.gatewayUrl())
                .get("/api/posts/" + postId + "/comments")
                .raw()
                .body())
        .as("readers see it")
        .contains(text);
  }

  @Test
  void anEditorApprovesAHeldCommentFromTheQueue() throws Exception {
    var reader = new ApiClient(stack.gatewayUrl());
    String body = "Held until approved " + UUID.randomUUID();
    String postId = TestStack.postWithAHeldComment("Moderated", body);

    var credentials = stack.credentials();
    // The owner is asked by mail, as WordPress's "Please moderate" does, with the way to the queue.
    assertThat(mailTo(credentials.ownerEmail(), body))
        .contains("waits for your approval")
        .contains(stack.gatewayUrl() + "/admin/comments");

    var browser = new SiteBrowser(stack);
    browser.signIn(credentials.ownerEmail(), credentials.ownerPassword());
    Document queue = browser.page("/admin/comments");
    var held =
        queue.select("li.queued").stream()
            .filter(item -> item.text().contains(body))
            .findFirst()
            .orElseThrow();
    var approve = held.selectFirst("form[action$=/approve]");
    Map<String, String> fields = new LinkedHashMap<>();
    approve.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));

    // As WordPress does, the menu says how many comments wait.
    int waiting = waitingBesideComments(queue);
    assertThat(waiting).isPositive();

    var answer = browser.submit(approve.attr("action"), fields);

    Document after = Jsoup.parse(answer.body());
    assertThat(after.select(".notice").text()).isEqualTo("Done: approve.");
    assertThat(waitingBesideComments(after)).isEqualTo(waiting - 1);
    assertThat(reader.get("/api/posts/" + postId + "/comments").raw().body()).contains(body);
  }
}
