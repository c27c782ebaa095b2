package io.inkwell.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.RawHttp;
import io.inkwell.testsupport.SignIn;
import io.inkwell.testsupport.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What admins do to other staff accounts (roles, suspension) and how staff get back in when they
 * forgot their password: as Ghost's staff settings and its "Forgot?" link.
 */
class StaffAdministrationTests extends AuthServiceIntegrationTest {

  /**
   * An invitation to an address no mail reaches would leave the invitee waiting for a link that
   * never comes: the admin is told which field is wrong, and nobody is invited.
   */
  @Test
  void anInvitationToAnAddressNoMailReachesIsRefusedAndInvitesNobody() throws Exception {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    long staffBefore = mongo.getCollection("staff").countDocuments();

    for (String address :
        List.of("fay@localhost", "fay@gmail", "fay@[10.0.0.1]", "fay@10.0.0.1", "fay@example.")) {
      var refused = invite(owner, address, "Fay", "AUTHOR");
      assertThat(refused.status()).as(address).isEqualTo(400);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(refused.json().path("errors"))
          .as(address)
          .isNotEmpty()
          .extracting(error -> error.path("field").asString())
          .containsOnly("email");
    }
    var operator =
        api(owner)
            .post("/api/staff", "{\"email\":{\"$gt\":\"\"},\"name\":\"Fay\",\"role\":\"AUTHOR\"}");
    assertThat(operator.status()).isEqualTo(400);
    assertThat(operator.header("Content-Type")).isEqualTo("application/problem+json");
    // a Content-Type of raw bytes (a right-to-left mark as UTF-8), which the firewall refuses
    String rawContentType =
        RawHttp.exchange(
            port,
            "POST",
            "/api/staff",
            List.of("Authorization: Bearer " + owner),
            "Content-Type",
            "application/json\u202e".getBytes(StandardCharsets.UTF_8),
            ApiClient.json(Map.of("email", "fay@example.org", "name", "Fay", "role", "AUTHOR"))
                .getBytes(StandardCharsets.UTF_8));
    assertThat(rawContentType).startsWith("HTTP/1.1 400");
    assertThat(rawContentType).contains("A header of the request cannot be read");

    assertThat(mongo.getCollection("staff").countDocuments()).isEqualTo(staffBefore);
  }

  /** Ghost's "Last seen": an admin sees who signs in and who has not for a long while. */
  @Test
  void theStaffListSaysWhenEachMemberLastSignedIn() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var kim = invite(owner, "kim@example.org", "Kim", "AUTHOR");
    assertThat(lastSignedIn(owner, kim.text("id"))).as("never yet").isNull();

    Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    signIn().person(WEB, REDIRECT, "kim@example.org", kim.text("temporaryPassword"));

    assertThat(lastSignedIn(owner, kim.text("id"))).isNotNull().isBetween(before, Instant.now());
  }

  private Instant lastSignedIn(String token, String staffId) {
    for (JsonNode member : api(token).get("/api/staff").json().path("items")) {
      if (member.path("id").asString().equals(staffId)) {
        return member.hasNonNull("lastSignedInAt")
            ? Instant.parse(member.path("lastSignedInAt").asString())
            : null;
      }
    }
    throw new AssertionError("not listed: " + staffId);
  }

  @Test
  void anAdminGivesAnotherRoleWhichTheirNextTokenCarriesAndTheOwnersStays() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var rae = invite(owner, "rae@example.org", "Rae", "AUTHOR");
    String id = rae.text("id");

    var promoted = api(owner).put("/api/staff/" + id + "/role", "{\"role\":\"EDITOR\"}");

    assertThat(promoted.status()).isEqualTo(200);
    assertThat(promoted.text("role")).isEqualTo("EDITOR");
    String raeToken =
        signIn().person(WEB, REDIRECT, "rae@example.org", rae.text("temporaryPassword"));
    assertThat(decode(raeToken).getClaimAsStringList("roles")).containsExactly("EDITOR");
    var changes = staffEvents(id, "StaffChanged", 2);
    assertThat(changes)
        .extracting(e -> e.path("role").asString())
        .containsExactly("AUTHOR", "EDITOR");
    changes.forEach(e -> assertThat(Contracts.violations(e.toString())).isEmpty());

    String ownerId = decode(owner).getSubject();
    var demoteOwner = api(owner).put("/api/staff/" + ownerId + "/role", "{\"role\":\"ADMIN\"}");
    assertThat(demoteOwner.status()).isEqualTo(422);
    assertThat(demoteOwner.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(api(owner).put("/api/staff/" + id + "/role", "{\"role\":\"OWNER\"}").status())
        .isEqualTo(422);
    var third = api(owner).put("/api/staff/" + id + "/role", "{\"role\":2}");
    assertThat(third.status()).as("a number is no role, not the third one").isEqualTo(400);
    assertThat(third.text("detail"))
        .isEqualTo("role must be one of OWNER, ADMIN, EDITOR, AUTHOR, CONTRIBUTOR.");
    var king = api(owner).put("/api/staff/" + id + "/role", "{\"role\":\"KING\"}");
    assertThat(king.status()).isEqualTo(400);
    assertThat(king.text("detail"))
        .isEqualTo("role must be one of OWNER, ADMIN, EDITOR, AUTHOR, CONTRIBUTOR.");
    var twice =
        api(owner).put("/api/staff/" + id + "/role", "{\"role\":\"AUTHOR\",\"role\":\"ADMIN\"}");
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.text("detail")).isEqualTo("role is given more than once.");
    assertThat(api(owner).get("/api/staff").json().path("items"))
        .filteredOn(member -> member.path("id").asString().equals(id))
        .extracting(member -> member.path("role").asString())
        .as("nothing changed")
        .containsExactly("EDITOR");
    var unknown = api(owner).put("/api/staff/nobody/role", "{\"role\":\"EDITOR\"}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(unknown.text("type")).isEqualTo("https://inkwell.dev/problems/not-found");
    var notJson = api(owner).postAs("/api/staff", "text/plain", "rae@example.org");
    assertThat(notJson.status()).isEqualTo(415);
    assertThat(notJson.text("type"))
        .isEqualTo("https://inkwell.dev/problems/unsupported-media-type");
    assertThat(api(raeToken).put("/api/staff/" + id + "/role", "{\"role\":\"ADMIN\"}").status())
        .isEqualTo(403);
    // demoted, Rae's editor's token is refused here at once; the next one carries the new role
    assertThat(api(owner).put("/api/staff/" + id + "/role", "{\"role\":\"AUTHOR\"}").status())
        .isEqualTo(200);
    assertThat(api(raeToken).get("/api/staff/me").status()).isEqualTo(401);
    String authorsToken =
        signIn().person(WEB, REDIRECT, "rae@example.org", rae.text("temporaryPassword"));
    assertThat(api(authorsToken).get("/api/staff/me").text("role")).isEqualTo("AUTHOR");
    assertThat(api(owner).get("/api/staff/me").text("role")).isEqualTo("OWNER");
  }

  @Test
  void aSuspendedStaffMemberGetsNoTokenNotEvenFromAnOpenSessionUntilGivenAccessBack()
      throws Exception {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var sam = invite(owner, "sam@example.org", "Sam", "EDITOR");
    String id = sam.text("id");
    String password = sam.text("temporaryPassword");
    var samsBrowser = SignIn.browser();
    assertThat(signIn().personTokens(samsBrowser, WEB, REDIRECT, "sam@example.org", password))
        .isNotNull();
    String samsToken = signIn().person(WEB, REDIRECT, "sam@example.org", password);
    assertThat(api(samsToken).get("/api/staff/me").status()).isEqualTo(200);

    var suspended = api(owner).put("/api/staff/" + id + "/suspended", "{\"suspended\":true}");

    assertThat(suspended.status()).isEqualTo(200);
    assertThat(suspended.json().path("suspended").asBoolean()).isTrue();
    // the token they hold is refused here at once, as at the gateway, not in ten minutes
    var refused = api(samsToken).get("/api/staff/me");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    // Told so with the right password; anyone else learns nothing new.
    assertThatThrownBy(() -> signIn().person(WEB, REDIRECT, "sam@example.org", password))
        .isInstanceOf(SignIn.SignInFailed.class)
        .hasMessageEndingWith("/login?suspended");
    assertThatThrownBy(() -> signIn().person(WEB, REDIRECT, "sam@example.org", "a wrong guess"))
        .isInstanceOf(SignIn.SignInFailed.class)
        .hasMessageEndingWith("/login?error");
    assertThat(new ApiClient(base()).get("/login?suspended", "Accept", "text/html").raw().body())
        .contains("This account is suspended.");
    // Signed in at auth-service from before: that session ends, and the password is refused.
    assertThatThrownBy(
            () -> signIn().personTokens(samsBrowser, WEB, REDIRECT, "sam@example.org", password))
        .isInstanceOf(SignIn.SignInFailed.class)
        .hasMessageContaining("the sign-in form refused")
        .hasMessageEndingWith("/login?suspended");
    String invitationLink = staffEvents(id, "StaffInvited", 1).get(0).path("acceptUrl").asString();
    assertThat(get(SignIn.browser(), page(invitationLink)).statusCode()).isEqualTo(404);
    assertThat(staffEvents(id, "StaffChanged", 2).get(1).path("suspended").asBoolean()).isTrue();
    assertThat(api(owner).get("/api/staff").raw().body()).contains("\"suspended\":true");

    var restored = api(owner).put("/api/staff/" + id + "/suspended", "{\"suspended\":false}");

    assertThat(restored.status()).isEqualTo(200);
    assertThat(api(samsToken).get("/api/staff/me").status()).isEqualTo(200);
    assertThat(signIn().person(WEB, REDIRECT, "sam@example.org", password)).isNotBlank();
    assertThat(staffEvents(id, "StaffChanged", 3).get(2).path("suspended").asBoolean()).isFalse();
  }

  @Test
  void aRemovedStaffMemberSignsInNoMoreAndTheirAddressIsForgottenAndFree() throws Exception {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var rita = invite(owner, "rita@example.org", "Rita", "AUTHOR");
    String id = rita.text("id");
    String password = rita.text("temporaryPassword");
    var ritasBrowser = SignIn.browser();
    assertThat(signIn().personTokens(ritasBrowser, WEB, REDIRECT, "rita@example.org", password))
        .isNotNull();

    assertThat(api(owner).delete("/api/staff/" + id).status()).isEqualTo(204);

    assertThat(api(owner).get("/api/staff").raw().body())
        .doesNotContain(id)
        .doesNotContain("rita@example.org");
    assertThatThrownBy(() -> signIn().person(WEB, REDIRECT, "rita@example.org", password))
        .isInstanceOf(SignIn.SignInFailed.class)
        .hasMessageEndingWith("/login?error");
    assertThatThrownBy(
            () -> signIn().personTokens(ritasBrowser, WEB, REDIRECT, "rita@example.org", password))
        .as("a session from before ends")
        .isInstanceOf(SignIn.SignInFailed.class);
    var removed = staffEvents(id, "StaffRemoved", 1).get(0);
    assertThat(Contracts.violations(removed.toString())).isEmpty();
    assertThat(removed.toString()).doesNotContain("rita@example.org");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mongo.findById(id, Document.class, "staff") == null);
    assertThat(api(owner).delete("/api/staff/" + id).status()).isEqualTo(404);

    var again = invite(owner, "rita@example.org", "Rita", "EDITOR");
    assertThat(again.status()).as("the address is free for a new invitation").isEqualTo(201);
    assertThat(again.text("id")).isNotEqualTo(id);
  }

  @Test
  void staffDescribeThemselvesForReadersAndTheirNextTokenAndTheirEventCarryIt() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var grace = invite(owner, "grace@example.org", "grace", "AUTHOR");
    String id = grace.text("id");
    String graceToken =
        signIn().person(WEB, REDIRECT, "grace@example.org", grace.text("temporaryPassword"));

    var described =
        api(graceToken)
            .put(
                "/api/staff/me/profile",
                ApiClient.json(
                    Map.of(
                        "name", " Grace Hopper ",
                        "bio", "Found the moth. Écrit aussi en français, وبالعربية.",
                        "website", "https://grace.example.org/about",
                        "avatar", "/api/images/moth-1947.jpg")));

    assertThat(described.status()).isEqualTo(200);
    assertThat(described.text("name")).isEqualTo("Grace Hopper");
    assertThat(api(graceToken).get("/api/staff/me").text("bio"))
        .isEqualTo("Found the moth. Écrit aussi en français, وبالعربية.");
    String next =
        signIn().person(WEB, REDIRECT, "grace@example.org", grace.text("temporaryPassword"));
    assertThat(decode(next).getClaimAsString("name")).isEqualTo("Grace Hopper");
    var changed = staffEvents(id, "StaffChanged", 2).get(1);
    assertThat(Contracts.violations(changed.toString())).isEmpty();
    assertThat(changed.path("name").asString()).isEqualTo("Grace Hopper");
    assertThat(changed.path("website").asString()).isEqualTo("https://grace.example.org/about");
    assertThat(changed.path("avatar").asString()).isEqualTo("/api/images/moth-1947.jpg");
    assertThat(changed.path("role").asString()).as("the rest stays").isEqualTo("AUTHOR");

    var cleared =
        api(graceToken)
            .put("/api/staff/me/profile", ApiClient.json(Map.of("name", "Grace", "bio", " ")));
    assertThat(cleared.status()).isEqualTo(200);
    assertThat(cleared.json().hasNonNull("bio")).as("a blank bio is none").isFalse();
    assertThat(cleared.json().hasNonNull("website")).isFalse();

    for (String wrong :
        List.of(
            "{\"name\":\"\"}",
            "{\"name\":\"\\u200B\\u2060\"}",
            "{\"name\":{\"$gt\":\"\"}}",
            "{\"name\":true}",
            "{\"name\":42}",
            "{\"name\":\"Grace\",\"bio\":\"" + "x".repeat(201) + "\"}",
            "{\"name\":\"Grace\",\"website\":\"javascript:alert(1)\"}",
            "{\"name\":\"Grace\",\"website\":\"https://x.org/\\\"><script>\"}",
            "{\"name\":\"Grace\",\"avatar\":\"http://tracker.example/pixel.gif\"}",
            "{\"name\":\"Grace\",\"avatar\":\"/api/images/../../admin\"}")) {
      var refused = api(graceToken).put("/api/staff/me/profile", wrong);
      assertThat(refused.status()).as(wrong).isEqualTo(400);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    }
    assertThat(api(graceToken).get("/api/staff/me").text("name"))
        .as("nothing refused was kept")
        .isEqualTo("Grace");
  }

  @Test
  void nobodyRemovesTheOwnerOrThemselvesAndOnlyAdminsRemoveAnyone() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var ann = invite(owner, "ann@example.org", "Ann", "ADMIN");
    var eve = invite(owner, "eve@example.org", "Eve", "EDITOR");
    String annToken =
        signIn().person(WEB, REDIRECT, "ann@example.org", ann.text("temporaryPassword"));
    String eveToken =
        signIn().person(WEB, REDIRECT, "eve@example.org", eve.text("temporaryPassword"));

    var ownerRemoved = api(annToken).delete("/api/staff/" + decode(owner).getSubject());
    var selfRemoved = api(annToken).delete("/api/staff/" + ann.text("id"));
    var byAnEditor = api(eveToken).delete("/api/staff/" + ann.text("id"));

    assertThat(List.of(ownerRemoved.status(), selfRemoved.status(), byAnEditor.status()))
        .containsExactly(422, 422, 403);
    assertThat(ownerRemoved.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(api(owner).get("/api/staff").raw().body()).contains(ann.text("id"));
    assertThat(api(annToken).delete("/api/staff/no-such-account").status()).isEqualTo(404);
  }

  @Test
  void nobodySuspendsTheOwnerOrThemselvesAndOnlyAdminsSuspendAnyone() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var ada = invite(owner, "ada@example.org", "Ada", "ADMIN");
    var ed = invite(owner, "ed@example.org", "Ed", "EDITOR");
    String adaToken =
        signIn().person(WEB, REDIRECT, "ada@example.org", ada.text("temporaryPassword"));
    String edToken = signIn().person(WEB, REDIRECT, "ed@example.org", ed.text("temporaryPassword"));
    String suspend = "{\"suspended\":true}";

    var ownerSuspended =
        api(adaToken).put("/api/staff/" + decode(owner).getSubject() + "/suspended", suspend);
    var selfSuspended = api(adaToken).put("/api/staff/" + ada.text("id") + "/suspended", suspend);
    var byAnEditor = api(edToken).put("/api/staff/" + ada.text("id") + "/suspended", suspend);

    assertThat(List.of(ownerSuspended.status(), selfSuspended.status(), byAnEditor.status()))
        .containsExactly(422, 422, 403);
    assertThat(ownerSuspended.text("detail")).contains("owner");
    assertThat(api(adaToken).put("/api/staff/" + ed.text("id") + "/suspended", "{}").status())
        .isEqualTo(400);
    assertThat(signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD)).isNotBlank();
  }

  @Test
  void aForgottenPasswordIsResetThroughAMailedLinkThatWorksOnce() throws Exception {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var fay = invite(owner, "fay@example.org", "Fay", "AUTHOR");
    String id = fay.text("id");
    // whoever knew the old password, signed in on another computer
    var intruder = SignIn.browser();
    signIn()
        .personTokens(intruder, WEB, REDIRECT, "fay@example.org", fay.text("temporaryPassword"));
    var browser = SignIn.browser();
    var form = get(browser, URI.create(base() + "/password-reset"));
    assertThat(form.body()).contains("Forgot your password?").contains("<label for=\"email\">");

    var asked =
        postForm(browser, "/password-reset", form.body(), Map.of("email", " Fay@Example.org "));
    var unknown =
        postForm(browser, "/password-reset", form.body(), Map.of("email", "nobody@example.org"));

    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(asked.body()).contains("Check your inbox");
    // The same answer for an address without an account: the form tells nobody who is staff.
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.body()).contains("Check your inbox");
    var reset = staffEvents(id, "PasswordResetRequested", 1).get(0);
    assertThat(Contracts.violations(reset.toString())).isEmpty();
    assertThat(reset.path("email").asString()).isEqualTo("fay@example.org");
    String link = reset.path("resetUrl").asString();
    assertThat(link).startsWith(issuer + "/password-reset?token=");
    String token = link.substring(link.indexOf("token=") + "token=".length());
    // someone guessing at Fay's address has locked it meanwhile
    for (int guess = 0; guess < 10; guess++) {
      assertThatThrownBy(() -> signIn().person(WEB, REDIRECT, "fay@example.org", "a guess"))
          .isInstanceOf(SignIn.SignInFailed.class);
    }

    var open = get(browser, page(link));
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(open.body()).contains("Choose a new password").contains("fay@example.org");
    var mismatch =
        postForm(
            browser,
            "/password-reset",
            open.body(),
            Map.of("token", token, "password", "fay's new password", "confirmation", "other"));
    assertThat(mismatch.statusCode()).isEqualTo(422);
    var done =
        postForm(
            browser,
            "/password-reset",
            mismatch.body(),
            Map.of(
                "token",
                token,
                "password",
                "fay's new password",
                "confirmation",
                "fay's new password"));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("Your password is set");

    assertThat(decode(signIn().person(WEB, REDIRECT, "fay@example.org", "fay's new password")))
        .as("the link opened the lock")
        .extracting(jwt -> jwt.getSubject())
        .isEqualTo(id);
    assertThatThrownBy(
            () -> signIn().person(WEB, REDIRECT, "fay@example.org", fay.text("temporaryPassword")))
        .isInstanceOf(SignIn.SignInFailed.class);
    assertThat(get(browser, page(link)).statusCode()).isEqualTo(404);
    // The other computer's session ended with the old password: it is shown the form again.
    assertThatThrownBy(
            () ->
                signIn()
                    .personTokens(
                        intruder, WEB, REDIRECT, "fay@example.org", fay.text("temporaryPassword")))
        .isInstanceOf(SignIn.SignInFailed.class)
        .hasMessageContaining("refused");
    // The invitation's link closed with it: one way in, the password Fay chose.
    String invitation = staffEvents(id, "StaffInvited", 1).get(0).path("acceptUrl").asString();
    assertThat(get(browser, page(invitation)).statusCode()).isEqualTo(404);
    assertThat(noticesOf(id))
        .as("Fay is told, in case it was not her")
        .containsExactly("PASSWORD_CHANGED");
  }

  @Test
  void resetLinksAreNotMailedAgainAndAgainNorToSuspendedAccounts() throws Exception {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var gil = invite(owner, "gil@example.org", "Gil", "AUTHOR");
    var hal = invite(owner, "hal@example.org", "Hal", "AUTHOR");
    api(owner).put("/api/staff/" + hal.text("id") + "/suspended", "{\"suspended\":true}");

    staff.requestPasswordReset("gil@example.org");
    staff.requestPasswordReset("gil@example.org");
    staff.requestPasswordReset("hal@example.org");
    staff.requestPasswordReset("nobody@example.org");

    staffEvents(gil.text("id"), "PasswordResetRequested", 1);
    for (String id : List.of(gil.text("id"), hal.text("id"))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  mongo
                      .findById(id, Document.class, "staff")
                      .getList("outbox", Document.class)
                      .isEmpty());
    }
    var all = Topics.readAll(brokers, "blog.staff-events");
    assertThat(all)
        .filteredOn(r -> r.value().contains("PasswordResetRequested"))
        .extracting(r -> r.key())
        .containsOnlyOnce(gil.text("id"))
        .doesNotContain(hal.text("id"));
    var badForm =
        new ApiClient(base())
            .postAs("/password-reset", "application/x-www-form-urlencoded", "email=x");
    assertThat(badForm.status()).isEqualTo(302);
    assertThat(badForm.header("Location")).endsWith("/password-reset?expired");
  }

  /**
   * An address Tomcat refuses before the service reads it, met only by a client that reaches the
   * service directly (the gateway refuses it first), is a problem too, not Tomcat's HTML page.
   */
  @Test
  void anAddressTomcatRefusesIsAProblemToo() {
    for (String address : List.of("/api/staff/%00", "/api/staff/..%2f/role")) {
      var response = new ApiClient(base()).get(address, "Accept", "text/html");

      assertThat(response.status()).as(address).isEqualTo(400);
      assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(response.text("type")).isEqualTo("https://inkwell.dev/problems/bad-request");
      assertThat(response.text("instance")).isEqualTo(address);
    }
  }
}
