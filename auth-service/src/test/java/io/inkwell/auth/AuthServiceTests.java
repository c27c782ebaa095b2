package io.inkwell.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.inkwell.auth.token.SigningKeys;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.SignIn;
import io.inkwell.testsupport.TestMongo;
import io.inkwell.testsupport.Topics;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import tools.jackson.databind.JsonNode;

/** Signing in, tokens, keys, staff and integrations. */
class AuthServiceTests extends AuthServiceIntegrationTest {

  @Autowired private SigningKeys keys;

  @Test
  void theOwnerSignsInWithPkceAndGetsAShortLivedTokenWithNameAndRole() {
    Jwt token = decode(signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD));

    assertThat(token.getClaimAsStringList("roles")).containsExactly("OWNER");
    assertThat(token.getClaimAsString("name")).isEqualTo("Blog owner");
    assertThat(token.getSubject())
        .as("post-service's byline of what integrations write: the owner's own")
        .isEqualTo("owner");
    assertThat(token.getAudience()).containsExactly("inkwell-api");
    assertThat(token.getIssuer().toString()).isEqualTo(issuer);
    assertThat(token.getSubject()).doesNotContain("@").isNotBlank();
    assertThat(token.getExpiresAt()).isBefore(token.getIssuedAt().plusSeconds(15 * 60 + 1));
  }

  @Test
  void aBrowserSignedInAtOneInstanceIsSignedInAtAnother() {
    var browser = SignIn.browser();
    signIn().personTokens(browser, WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var cookies = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore();
    assertThat(cookies.getCookies())
        .singleElement()
        .satisfies(
            cookie -> {
              assertThat(cookie.getName()).isEqualTo("INKWELL_AUTH_SESSION");
              assertThat(cookie.isHttpOnly()).isTrue();
            });

    try (var other =
        new SpringApplicationBuilder(AuthServiceApplication.class)
            .run(
                "--server.port=0",
                "--spring.mongodb.uri=" + TestMongo.uri("auth"),
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--inkwell.auth.owner.email=" + OWNER,
                "--inkwell.auth.owner.password=" + OWNER_PASSWORD,
                "--inkwell.auth.web-client.redirect-uris=" + REDIRECT)) {
      String otherBase =
          "http://localhost:" + other.getEnvironment().getProperty("local.server.port");

      // the session lives in the database: the other instance gives a code without the form,
      // so a password it would refuse is never asked for
      var tokens =
          new SignIn(otherBase)
              .personTokens(browser, WEB, REDIRECT, OWNER, "not the password at all");
      assertThat(decode(tokens.path("access_token").asString()).getSubject()).isEqualTo("owner");
    }
  }

  @Test
  void aBrowserKeptSignedInComesBackAfterAnIdleHourWithoutThePassword() throws Exception {
    var kept = SignIn.browser();
    signIn().keepingMeSignedIn().personTokens(kept, WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var notKept = SignIn.browser();
    signIn().personTokens(notKept, WEB, REDIRECT, OWNER, OWNER_PASSWORD);

    assertThat(sessionCookie(kept).getMaxAge())
        .as("a cookie that outlives the browser")
        .isGreaterThanOrEqualTo(Duration.ofDays(14).toSeconds());
    assertThat(sessionCookie(notKept).getMaxAge())
        .as("a cookie of this browser's run")
        .isEqualTo(-1);

    // lunch, or a meeting: neither browser asks anything of auth-service for an hour
    leaveIdle(kept, Duration.ofHours(1));
    leaveIdle(notKept, Duration.ofHours(1));

    var tokens = signIn().personTokens(kept, WEB, REDIRECT, OWNER, "not the password at all");
    assertThat(decode(tokens.path("access_token").asString()).getSubject()).isEqualTo("owner");
    assertThatThrownBy(
            () -> signIn().personTokens(notKept, WEB, REDIRECT, OWNER, "not the password at all"))
        .as("the form is shown again, and takes only the password")
        .isInstanceOf(SignIn.SignInFailed.class)
        .hasMessageContaining("refused");

    // signing out of the admin ends a kept session as any other
    var signedOut = signOut(kept, tokens);
    assertThat(signedOut.statusCode()).as(signedOut.body()).isEqualTo(302);
    assertThatThrownBy(
            () -> signIn().personTokens(kept, WEB, REDIRECT, OWNER, "not the password at all"))
        .isInstanceOf(SignIn.SignInFailed.class)
        .hasMessageContaining("refused");
  }

  @Test
  void signingOutOnOneComputerWorksAfterSigningInOnAnotherAndLeavesThatOneSignedIn()
      throws Exception {
    var laptop = SignIn.browser();
    signIn().personTokens(laptop, WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var phone = SignIn.browser();
    signIn().personTokens(phone, WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    // the admin on the laptop gets new tokens as it does every few minutes, without the form
    var laptopTokens = signIn().personTokens(laptop, WEB, REDIRECT, OWNER, "not the password");

    var signedOut = signOut(laptop, laptopTokens);

    assertThat(signedOut.statusCode()).as(signedOut.body()).isEqualTo(302);
    assertThatThrownBy(
            () -> signIn().personTokens(laptop, WEB, REDIRECT, OWNER, "not the password"))
        .as("the laptop is asked for the password again")
        .isInstanceOf(SignIn.SignInFailed.class)
        .hasMessageContaining("refused");
    assertThat(signIn().personTokens(phone, WEB, REDIRECT, OWNER, "not the password"))
        .as("the phone is still signed in")
        .isNotNull();
  }

  /** The admin's "Sign out", as the browser follows it to auth-service (RP-initiated logout). */
  private HttpResponse<String> signOut(HttpClient browser, JsonNode tokens) throws Exception {
    return get(
        browser,
        URI.create(
            base()
                + "/connect/logout?client_id="
                + WEB
                + "&id_token_hint="
                + tokens.path("id_token").asString()));
  }

  private static HttpCookie sessionCookie(HttpClient browser) {
    return ((CookieManager) browser.cookieHandler().orElseThrow())
        .getCookieStore().getCookies().stream()
            .filter(cookie -> cookie.getName().equals("INKWELL_AUTH_SESSION"))
            .findFirst()
            .orElseThrow();
  }

  /** Moves the last request of the browser's session, and so its end, {@code idle} back. */
  private void leaveIdle(HttpClient browser, Duration idle) {
    String id = new String(Base64.getDecoder().decode(sessionCookie(browser).getValue()), UTF_8);
    var sessions = mongo.getCollection("sessions");
    Document session = sessions.find(new Document("_id", id)).first();
    var earlier = new Document();
    for (String time : List.of("accessed", "expireAt")) {
      earlier.append(time, Date.from(session.getDate(time).toInstant().minus(idle)));
    }
    sessions.updateOne(new Document("_id", id), new Document("$set", earlier));
  }

  @Test
  void tenWrongPasswordsLockTheAddressForAWhileWhoeverItIsAndALinkOpensIt() throws Exception {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    String temporary = invite(owner, "lou@example.org", "Lou", "AUTHOR").text("temporaryPassword");
    double wrongBefore = signIns("wrong_password");
    double lockedBefore = signIns("locked");
    for (int guess = 0; guess < 10; guess++) {
      assertThatThrownBy(() -> signIn().person(WEB, REDIRECT, "LOU@example.org", "a guess"))
          .hasMessageEndingWith("/login?error");
    }

    assertThatThrownBy(() -> signIn().person(WEB, REDIRECT, "lou@example.org", temporary))
        .as("the right password from any computer waits too")
        .hasMessageEndingWith("/login?locked");
    assertThat(new ApiClient(base()).get("/login?locked", "Accept", "text/html").raw().body())
        .contains("Too many wrong passwords were tried for this address");
    for (int guess = 0; guess < 10; guess++) {
      assertThatThrownBy(() -> signIn().person(WEB, REDIRECT, "nobody@example.org", "a guess"))
          .hasMessageEndingWith("/login?error");
    }
    assertThatThrownBy(() -> signIn().person(WEB, REDIRECT, "nobody@example.org", "a guess"))
        .as("an address that is nobody's is locked the same way: a lock tells nobody who is staff")
        .hasMessageEndingWith("/login?locked");
    assertThat(signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD))
        .as("other addresses are not locked")
        .isNotBlank();
    assertThat(signIns("wrong_password") - wrongBefore)
        .as("operators see the guessing")
        .isEqualTo(20);
    assertThat(signIns("locked") - lockedBefore).isEqualTo(2);
    assertThat(mongo.getCollection("signInAttempts").find().into(new java.util.ArrayList<>()))
        .as("addresses are kept by a hash only")
        .allSatisfy(attempts -> assertThat(attempts.toJson()).doesNotContain("example.org"));

    // fifteen minutes later
    mongo
        .getCollection("signInAttempts")
        .updateMany(
            new Document(),
            new Document(
                "$set",
                new Document("lockedUntil", Date.from(Instant.now().minusSeconds(1)))
                    .append("lastFailureAt", Date.from(Instant.now().minusSeconds(15 * 60)))));
    assertThat(signIn().person(WEB, REDIRECT, "lou@example.org", temporary)).isNotBlank();
    // the right password cleared the count: nine more wrong ones lock nothing
    for (int guess = 0; guess < 9; guess++) {
      assertThatThrownBy(() -> signIn().person(WEB, REDIRECT, "lou@example.org", "a guess"))
          .hasMessageEndingWith("/login?error");
    }
    assertThat(signIn().person(WEB, REDIRECT, "lou@example.org", temporary)).isNotBlank();
  }

  @Test
  void twoStepSignInTakesACodeOfTheAppOrARecoveryCodeAfterThePassword() throws Exception {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    String temporary = invite(owner, "tia@example.org", "Tia", "EDITOR").text("temporaryPassword");
    var tia = api(signIn().person(WEB, REDIRECT, "tia@example.org", temporary));

    var setup = tia.post("/api/staff/me/two-step", "{}");
    assertThat(setup.status()).isEqualTo(200);
    String key = setup.text("key").replace(" ", "");
    assertThat(setup.text("uri"))
        .startsWith("otpauth://totp/")
        .contains("tia%40example.org")
        .contains("secret=" + key);
    assertThat(tia.get("/api/staff/me").json().path("twoStep").asBoolean())
        .as("not before a code of the app is confirmed")
        .isFalse();
    assertThat(tia.put("/api/staff/me/two-step", ApiClient.json(Map.of("code", "000000"))).status())
        .isEqualTo(422);
    var confirmed = tia.put("/api/staff/me/two-step", ApiClient.json(Map.of("code", code(key))));
    assertThat(confirmed.status()).isEqualTo(200);
    var recovery = confirmed.json().path("recoveryCodes").valueStream().map(JsonNode::asString);
    List<String> recoveryCodes = recovery.toList();
    assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
    assertThat(tia.get("/api/staff/me").json().path("twoStep").asBoolean()).isTrue();
    String stored =
        mongo
            .getCollection("staff")
            .find(new Document("email", "tia@example.org"))
            .first()
            .toJson();
    assertThat(stored)
        .as("the secret is kept encrypted, the recovery codes as hashes")
        .doesNotContain(key, recoveryCodes.get(0));

    // the password alone no longer signs in
    assertThatThrownBy(() -> signIn().person(WEB, REDIRECT, "tia@example.org", temporary))
        .hasMessageEndingWith("/login?code");
    assertThatThrownBy(
            () ->
                signIn()
                    .withCode(() -> "123456")
                    .person(WEB, REDIRECT, "tia@example.org", temporary))
        .hasMessageEndingWith("/login?code&wrong");
    var kept = SignIn.browser();
    // one code for both sign-ins: asked again, a code of the next window could be a new one
    String once = code(key, 30);
    var tokens =
        signIn()
            .keepingMeSignedIn()
            .withCode(() -> once)
            .personTokens(kept, WEB, REDIRECT, "tia@example.org", temporary);
    assertThat(decode(tokens.path("access_token").asString()).getClaimAsString("name"))
        .isEqualTo("Tia");
    assertThat(sessionCookie(kept).getMaxAge())
        .as("kept signed in as ticked before the code")
        .isGreaterThanOrEqualTo(Duration.ofDays(14).toSeconds());
    assertThatThrownBy(
            () -> signIn().withCode(() -> once).person(WEB, REDIRECT, "tia@example.org", temporary))
        .as("a code is taken once")
        .hasMessageEndingWith("/login?code&wrong");
    assertThatThrownBy(
            () ->
                signIn()
                    .withCode(() -> code(key))
                    .person(WEB, REDIRECT, "tia@example.org", "a wrong password"))
        .as("a code does not make up for a wrong password")
        .hasMessageEndingWith("/login?error");

    // a lost phone: a recovery code, once
    String lost = recoveryCodes.get(3).toUpperCase(java.util.Locale.ROOT);
    assertThat(signIn().withCode(() -> lost).person(WEB, REDIRECT, "tia@example.org", temporary))
        .isNotBlank();
    assertThatThrownBy(
            () -> signIn().withCode(() -> lost).person(WEB, REDIRECT, "tia@example.org", temporary))
        .hasMessageEndingWith("/login?code&wrong");

    // turning it off takes the password; then the password alone signs in again
    assertThat(
            tia.post(
                    "/api/staff/me/two-step/off",
                    ApiClient.json(Map.of("currentPassword", "a guess")))
                .status())
        .isEqualTo(422);
    assertThat(
            tia.post(
                    "/api/staff/me/two-step/off",
                    ApiClient.json(Map.of("currentPassword", temporary)))
                .status())
        .isEqualTo(204);
    assertThat(signIn().person(WEB, REDIRECT, "tia@example.org", temporary)).isNotBlank();
  }

  /**
   * Someone who has a password but not the phone guesses at codes; typing the password again starts
   * no new count, so ten wrong codes lock the address as ten wrong passwords do.
   */
  @Test
  void wrongCodesCountOnWhenThePasswordIsTypedAgain() throws Exception {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    String password = invite(owner, "ivo@example.org", "Ivo", "AUTHOR").text("temporaryPassword");
    var ivo = api(signIn().person(WEB, REDIRECT, "ivo@example.org", password));
    String key = ivo.post("/api/staff/me/two-step", "{}").text("key").replace(" ", "");
    ivo.put("/api/staff/me/two-step", ApiClient.json(Map.of("code", code(key))));
    String notNow = code(key, 3600);

    for (int guess = 0; guess < 10; guess++) {
      assertThatThrownBy(
              () ->
                  signIn()
                      .withCode(() -> notNow)
                      .person(WEB, REDIRECT, "ivo@example.org", password))
          .hasMessageEndingWith("/login?code&wrong");
    }

    assertThatThrownBy(
            () ->
                signIn()
                    .withCode(() -> code(key, 30))
                    .person(WEB, REDIRECT, "ivo@example.org", password))
        .as("locked: the right password and code wait too")
        .hasMessageEndingWith("/login?locked");
  }

  @Test
  void anAdminTurnsTwoStepSignInOffForSomeoneWhoLostTheirPhoneAndCodes() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var invited = invite(owner, "uma@example.org", "Uma", "AUTHOR");
    String temporary = invited.text("temporaryPassword");
    var uma = api(signIn().person(WEB, REDIRECT, "uma@example.org", temporary));
    String key = uma.post("/api/staff/me/two-step", "{}").text("key").replace(" ", "");
    uma.put("/api/staff/me/two-step", ApiClient.json(Map.of("code", code(key))));
    assertThat(uma.post("/api/staff/me/two-step", "{}").status()).as("on already").isEqualTo(409);

    assertThat(uma.delete("/api/staff/" + invited.text("id") + "/two-step").status())
        .as("not an author's to do")
        .isEqualTo(403);
    assertThat(api(owner).delete("/api/staff/" + invited.text("id") + "/two-step").status())
        .isEqualTo(204);
    String ownerId = api(owner).get("/api/staff/me").text("id");
    assertThat(api(owner).delete("/api/staff/" + ownerId + "/two-step").status())
        .as("the owner's is the owner's own to turn off")
        .isEqualTo(422);

    assertThat(signIn().person(WEB, REDIRECT, "uma@example.org", temporary)).isNotBlank();
  }

  /** {@code inkwell_signins_total} of this outcome, as Prometheus reads it. */
  private double signIns(String outcome) {
    String scraped = new ApiClient(base()).get("/actuator/prometheus").raw().body();
    var line =
        java.util.regex.Pattern.compile(
                "inkwell_signins_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)")
            .matcher(scraped);
    assertThat(line.find()).as("inkwell_signins_total{outcome=%s} is exported", outcome).isTrue();
    return Double.parseDouble(line.group(1));
  }

  @Test
  void aWrongPasswordGetsNoCode() {
    assertThatThrownBy(() -> signIn().person(WEB, REDIRECT, OWNER, "guess guess guess"))
        .isInstanceOf(SignIn.SignInFailed.class);
  }

  @Test
  void theSignInPageCarriesTheBlogsNameLabelledFieldsAndACsrfToken() {
    var page = new ApiClient(base()).get("/login", "Accept", "text/html");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.raw().body())
        .contains("<title>Sign in · Inkwell</title>")
        .contains("<label for=\"username\">Email</label>")
        .contains("<label for=\"password\">Password</label>")
        .containsPattern("name=\"_csrf\"[^>]*value=\"[^\"]+\"")
        // left unticked: on a shared computer, nobody stays signed in without asking
        .containsPattern(
            "<label class=\"keep\"><input name=\"remember-me\" type=\"checkbox\"> Keep me signed"
                + " in on this\\s+device</label>")
        .doesNotContain("do not match");
    assertThat(new ApiClient(base()).get("/sign-in.css").status()).isEqualTo(200);
    assertThat(new ApiClient(base()).get("/login?error", "Accept", "text/html").raw().body())
        .contains("That email and password do not match a staff account.");
    // A form left open until its session ran out is shown again, not answered with a bare 403.
    var stale =
        new ApiClient(base())
            .postAs("/login", "application/x-www-form-urlencoded", "username=a%40b.c&password=x");
    assertThat(stale.status()).isEqualTo(302);
    assertThat(stale.header("Location")).endsWith("/login?expired");
    var staleInvitation =
        new ApiClient(base())
            .postAs(
                "/invitation",
                "application/x-www-form-urlencoded",
                "token=abc&password=long+enough+pass&confirmation=long+enough+pass");
    assertThat(staleInvitation.header("Location")).endsWith("/invitation?expired&token=abc");
  }

  @Test
  void signingKeysAreStoredEncryptedAndRotateWhileTokensOfTheLastKeyStillCheckOut()
      throws Exception {
    // a key an earlier version stored in the clear is encrypted, and still checks its tokens
    var legacy = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("legacy").generate();
    mongo.insert(
        new Document("_id", "legacy")
            .append("jwk", legacy.toJSONString())
            .append("createdAt", java.util.Date.from(java.time.Instant.now())),
        "signing_keys");
    Instant now = Instant.now();
    keys.refresh(now);
    for (Document stored : mongo.findAll(Document.class, "signing_keys")) {
      assertThat(stored.getString("salt")).isNotBlank();
      assertThat(stored.getString("jwk")).doesNotContain("\"d\"").doesNotStartWith("{");
    }
    assertThat(jwksKeyIds()).contains("legacy");

    String before = signIn().clientCredentials("ci-bot", "ci-bot-secret-of-some-length");
    keys.refresh(now.plus(Duration.ofDays(31)));
    String after = signIn().clientCredentials("ci-bot", "ci-bot-secret-of-some-length");

    String oldKey = com.nimbusds.jwt.SignedJWT.parse(before).getHeader().getKeyID();
    String newKey = com.nimbusds.jwt.SignedJWT.parse(after).getHeader().getKeyID();
    assertThat(newKey).isNotEqualTo(oldKey);
    assertThat(jwksKeyIds()).contains(oldKey, newKey);
    assertThat(decode(before).getSubject()).isEqualTo("ci-bot");
    assertThat(decode(after).getSubject()).isEqualTo("ci-bot");

    // another rotation later, the first key is retired: its tokens (long expired) check out no more
    keys.refresh(now.plus(Duration.ofDays(61)));
    assertThat(jwksKeyIds()).contains(newKey).doesNotContain(oldKey, "legacy");
    assertThatThrownBy(() -> decode(before)).isInstanceOf(JwtException.class);
  }

  private List<String> jwksKeyIds() {
    return new ApiClient(base()).get("/oauth2/jwks").json().path("keys").findValuesAsString("kid");
  }

  @Test
  void passwordsAreStoredOnlyAsHashes() {
    Document owner = mongo.getCollection("staff").find(new Document("email", OWNER)).first();

    assertThat(owner).isNotNull();
    assertThat(owner.toJson()).doesNotContain(OWNER_PASSWORD);
    assertThat(owner.getString("passwordHash")).startsWith("{bcrypt}");
  }

  @Test
  void discoveryAndJwksAreThere() {
    var discovery = new ApiClient(base()).get("/.well-known/openid-configuration");

    assertThat(discovery.status()).isEqualTo(200);
    assertThat(discovery.text("issuer")).isEqualTo(issuer);
    assertThat(discovery.text("jwks_uri")).isEqualTo(issuer + "/oauth2/jwks");
    assertThat(discovery.json().path("code_challenge_methods_supported").toString())
        .contains("S256");
    var jwks = new ApiClient(base()).get("/oauth2/jwks").json().path("keys");
    assertThat(jwks.size()).isPositive();
    // public halves only
    jwks.forEach(key -> assertThat(key.has("d") || key.has("p") || key.has("q")).isFalse());
  }

  @Test
  void theErrorPathAskedForDirectlyIsNotFound() {
    var answer = new ApiClient(base()).get("/error");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.text("type")).isEqualTo("https://inkwell.dev/problems/not-found");
    assertThat(answer.text("instance")).isEqualTo("/error");
  }

  @Test
  void theBootstrapIntegrationGetsAnIntegrationToken() {
    Jwt token = decode(signIn().clientCredentials("ci-bot", "ci-bot-secret-of-some-length"));

    assertThat(token.getSubject()).isEqualTo("ci-bot");
    assertThat(token.getClaimAsStringList("roles")).containsExactly("INTEGRATION");
    assertThat(token.getAudience()).containsExactly("inkwell-api");
  }

  @Test
  void anAdminInvitesStaffWhoSignInWithTheTemporaryPassword() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var invited = invite(owner, "Edna@Example.org", "Edna", "EDITOR");

    assertThat(invited.status()).isEqualTo(201);
    String temporary = invited.text("temporaryPassword");
    assertThat(temporary).hasSizeGreaterThanOrEqualTo(20);
    Jwt editor = decode(signIn().person(WEB, REDIRECT, "edna@example.org", temporary));
    assertThat(editor.getClaimAsStringList("roles")).containsExactly("EDITOR");
    assertThat(editor.getSubject()).isEqualTo(invited.text("id"));

    var listed = api(owner).get("/api/staff");
    assertThat(listed.json().path("items").findValuesAsString("email"))
        .contains(OWNER, "edna@example.org");
    assertThat(listed.raw().body()).doesNotContain(temporary).doesNotContain("passwordHash");

    var again = invite(owner, "edna@example.org", "Edna", "AUTHOR");
    assertThat(again.status()).isEqualTo(409);
  }

  /**
   * An address typed with its accent as a mark of its own (as some keyboards and pasted text write
   * it) is the address it looks like: its owner signs in however their keyboard writes it.
   */
  @Test
  void anAddressWithItsAccentAsAMarkIsTheAccountItLooksLike() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    String composed =
        "zo\u00eb-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
    var invited = invite(owner, decomposed, "Zoë", "AUTHOR");
    assertThat(invited.status()).as(invited.toString()).isEqualTo(201);

    Jwt author =
        decode(signIn().person(WEB, REDIRECT, composed, invited.text("temporaryPassword")));

    assertThat(author.getSubject()).isEqualTo(invited.text("id"));
    assertThat(invite(owner, composed, "Zoë", "EDITOR").status()).isEqualTo(409);
  }

  /** An account kept with its address's accent as a mark of its own signs in after a restart. */
  @Test
  void anAccountKeptBeforeAddressesWereComposedSignsInAfterTheStart() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    String composed =
        "andr\u00e9-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    var invited = invite(owner, composed, "André", "AUTHOR");
    // as it was kept before
    mongo.updateFirst(
        org.springframework.data.mongodb.core.query.Query.query(
            org.springframework.data.mongodb.core.query.Criteria.where("_id")
                .is(invited.text("id"))),
        new org.springframework.data.mongodb.core.query.Update()
            .set("email", java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD)),
        "staff");

    assertThat(staff.composeEarlierAddresses()).isEqualTo(1);

    Jwt author =
        decode(signIn().person(WEB, REDIRECT, composed, invited.text("temporaryPassword")));
    assertThat(author.getSubject()).isEqualTo(invited.text("id"));
    assertThat(staff.composeEarlierAddresses()).as("a second start finds nothing to do").isZero();
  }

  @Test
  void theOwnerAndEveryInvitedStaffMemberAreAnnouncedOnceOnStaffEvents() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var invited = invite(owner, "Gus@Example.org", " Gus ", "AUTHOR");
    String id = invited.text("id");
    String token =
        signIn().person(WEB, REDIRECT, "gus@example.org", invited.text("temporaryPassword"));
    assertThat(
            api(token)
                .put(
                    "/api/staff/me/password",
                    ApiClient.json(
                        Map.of(
                            "currentPassword",
                            invited.text("temporaryPassword"),
                            "newPassword",
                            "gus has a long one now")))
                .status())
        .isEqualTo(204);

    var events =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> Topics.readAll(brokers, "blog.staff-events"),
                records ->
                    records.stream().filter(r -> r.key().equals(id)).count() == 3
                        && records.stream().anyMatch(r -> r.value().contains(OWNER)));

    var gus = events.stream().filter(r -> r.key().equals(id)).toList();
    assertThat(gus)
        .extracting(r -> new String(r.headers().lastHeader("ce_type").value()))
        .as("a new password is no change of what others know of Gus: only he is told")
        .containsExactly("StaffChanged", "StaffInvited", "StaffSecurityNotice");
    gus.forEach(r -> assertThat(Contracts.violations(r.value())).isEmpty());
    var changed = JSON.readTree(gus.get(0).value());
    assertThat(changed.path("email").asString()).isEqualTo("gus@example.org");
    assertThat(changed.path("name").asString()).isEqualTo("Gus");
    assertThat(changed.path("role").asString()).isEqualTo("AUTHOR");
    var invitation = JSON.readTree(gus.get(1).value());
    assertThat(invitation.path("invitedBy").asString()).isEqualTo("Blog owner");
    assertThat(invitation.path("acceptUrl").asString()).startsWith(issuer + "/invitation?token=");
    assertThat(JSON.readTree(gus.get(2).value()).path("notice").asString())
        .isEqualTo("PASSWORD_CHANGED");
    assertThat(events.stream().filter(r -> r.value().contains(OWNER)))
        .singleElement()
        .satisfies(r -> assertThat(r.value()).contains("\"role\":\"OWNER\""));
    assertThat(mongo.findById(id, Document.class, "staff").getList("outbox", Document.class))
        .isEmpty();
  }

  @Test
  void anInviteeChoosesTheirPasswordThroughTheMailedLinkWhichThenWorksNoMore() throws Exception {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var invited = invite(owner, "ivy@example.org", "Ivy", "EDITOR");
    String id = invited.text("id");
    String link =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    Topics.readAll(brokers, "blog.staff-events").stream()
                        .filter(r -> r.key().equals(id) && r.value().contains("StaffInvited"))
                        .map(r -> JSON.readTree(r.value()).path("acceptUrl").asString())
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    URI page = page(link);
    var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    var form = browser.send(HttpRequest.newBuilder(page).build(), BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("Welcome, Ivy").contains("ivy@example.org");
    String token = page.getQuery().substring("token=".length());
    var mismatch = accept(browser, form.body(), token, "one long password", "another long one");
    assertThat(mismatch.statusCode()).isEqualTo(422);
    assertThat(mismatch.body()).contains("not the same");
    var tooShort = accept(browser, mismatch.body(), token, "short", "short");
    assertThat(tooShort.statusCode()).isEqualTo(422);
    var accepted =
        accept(browser, tooShort.body(), token, "ivy chose this one", "ivy chose this one");
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.body()).contains("Your password is set");

    assertThat(
            decode(signIn().person(WEB, REDIRECT, "ivy@example.org", "ivy chose this one"))
                .getSubject())
        .isEqualTo(id);
    assertThatThrownBy(
            () ->
                signIn()
                    .person(WEB, REDIRECT, "ivy@example.org", invited.text("temporaryPassword")))
        .isInstanceOf(SignIn.SignInFailed.class);
    var used = browser.send(HttpRequest.newBuilder(page).build(), BodyHandlers.ofString());
    assertThat(used.statusCode()).isEqualTo(404);
    assertThat(used.body()).contains("This invitation link does not work");
    assertThat(noticesOf(id)).as("a first password is no change to be told of").isEmpty();
    var again = accept(browser, tooShort.body(), token, "a second go at it", "a second go at it");
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(
            browser
                .send(
                    HttpRequest.newBuilder(URI.create(base() + "/invitation?token=forged")).build(),
                    BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(404);
  }

  private HttpResponse<String> accept(
      HttpClient browser, String shownPage, String token, String password, String confirmation)
      throws Exception {
    return postForm(
        browser,
        "/invitation",
        shownPage,
        Map.of("token", token, "password", password, "confirmation", confirmation));
  }

  @Test
  void staffTurnCommentMailsOffForThemselvesAndNotificationServiceIsTold() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var invited = invite(owner, "quiet@example.org", "Quinn", "AUTHOR");
    String id = invited.text("id");
    String quinn =
        signIn().person(WEB, REDIRECT, "quiet@example.org", invited.text("temporaryPassword"));
    assertThat(api(quinn).get("/api/staff/me").json().path("commentMails").asBoolean()).isTrue();

    var off = api(quinn).put("/api/staff/me/notifications", "{\"commentMails\":false}");

    assertThat(off.status()).isEqualTo(200);
    assertThat(off.json().path("commentMails").asBoolean()).isFalse();
    assertThat(api(quinn).get("/api/staff/me").json().path("commentMails").asBoolean()).isFalse();
    var events = staffChanged(id, 2);
    assertThat(events)
        .extracting(e -> e.path("commentMails").asBoolean())
        .containsExactly(true, false);
    events.forEach(e -> assertThat(Contracts.violations(e.toString())).isEmpty());
    assertThat(
            api(quinn).put("/api/staff/me/notifications", "{\"commentMails\":\"maybe\"}").status())
        .isEqualTo(400);
    assertThat(api(quinn).put("/api/staff/me/notifications", "{}").status()).isEqualTo(400);
    String bot = signIn().clientCredentials("ci-bot", "ci-bot-secret-of-some-length");
    assertThat(api(bot).get("/api/staff/me").status()).isEqualTo(403);
  }

  @Test
  void anEditorTurnsReviewMailsOffAndKeepsTheCommentMailsAsTheyWere() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var invited = invite(owner, "busy-editor@example.org", "Bea", "EDITOR");
    String id = invited.text("id");
    String bea =
        signIn()
            .person(WEB, REDIRECT, "busy-editor@example.org", invited.text("temporaryPassword"));
    assertThat(api(bea).get("/api/staff/me").json().path("reviewMails").asBoolean()).isTrue();

    var off = api(bea).put("/api/staff/me/notifications", "{\"reviewMails\":false}");

    assertThat(off.status()).isEqualTo(200);
    assertThat(off.json().path("reviewMails").asBoolean()).isFalse();
    assertThat(off.json().path("commentMails").asBoolean()).as("left as it was").isTrue();
    var last = staffChanged(id, 2).get(1);
    assertThat(last.path("reviewMails").asBoolean()).isFalse();
    assertThat(last.path("commentMails").asBoolean()).isTrue();
    assertThat(Contracts.violations(last.toString())).isEmpty();
  }

  /** The account's {@code StaffChanged} events on the topic, once there are {@code count}. */
  private List<JsonNode> staffChanged(String id, int count) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Topics.readAll(brokers, "blog.staff-events").stream()
                    .filter(r -> r.key().equals(id) && r.value().contains("StaffChanged"))
                    .map(r -> JSON.readTree(r.value()))
                    .toList(),
            found -> found.size() == count);
  }

  @Test
  void accountsFromBeforeStaffEventsAreAnnouncedOnceEvenIfTwoInstancesCatchUp() {
    String id = java.util.UUID.randomUUID().toString();
    mongo.insert(
        new Document("_id", id)
            .append("email", "old-" + id + "@example.org")
            .append("name", "Olga")
            .append("role", "EDITOR")
            .append("passwordHash", "{noop}unused")
            .append(
                "createdAt", java.util.Date.from(java.time.Instant.parse("2009-01-01T00:00:00Z")))
            .append("version", 0L),
        "staff");

    staff.announceEarlierAccounts();
    staff.announceEarlierAccounts();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> mongo.findById(id, Document.class, "staff").getList("outbox", Document.class),
            outbox -> outbox.isEmpty());
    var olga =
        Topics.readAll(brokers, "blog.staff-events").stream()
            .filter(r -> r.key().equals(id))
            .toList();
    assertThat(olga).hasSize(1);
    assertThat(Contracts.violations(olga.get(0).value())).isEmpty();
  }

  @Test
  void onlyAdminsManageStaffAndIntegrations() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var author = invite(owner, "al@example.org", "Al", "AUTHOR");
    String authorToken =
        signIn().person(WEB, REDIRECT, "al@example.org", author.text("temporaryPassword"));

    assertThat(new ApiClient(base()).get("/api/staff").status()).isEqualTo(401);
    assertThat(api(authorToken).get("/api/staff").status()).isEqualTo(403);
    assertThat(api(authorToken).post("/api/integrations", "{\"name\":\"x\"}").status())
        .isEqualTo(403);
    String bot = signIn().clientCredentials("ci-bot", "ci-bot-secret-of-some-length");
    assertThat(api(bot).get("/api/staff").status()).isEqualTo(403);
    var ownerRole = invite(owner, "o2@example.org", "O", "OWNER");
    assertThat(ownerRole.status()).isEqualTo(422);
    var badRole = invite(owner, "x@example.org", "X", "KING");
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(badRole.header("Content-Type")).isEqualTo("application/problem+json");
  }

  /**
   * Requests that cannot be read are problems, whichever filter or endpoint meets them first: a
   * sign-in form whose percent-encoding is no UTF-8, a multipart body without its boundary, a form
   * where JSON belongs. Nothing changes.
   */
  @Test
  void unreadableRequestsAreProblemsAndChangeNothing() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    long staffBefore = mongo.getCollection("staff").countDocuments();
    String name = api(owner).get("/api/staff/me").text("name");

    var signInForm =
        new ApiClient(base())
            .postAs("/login", "application/x-www-form-urlencoded", "username=%ff%zz&password=x");
    assertUnreadable(signInForm, 400);
    assertThat(signInForm.text("instance")).isEqualTo("/login");
    assertUnreadable(
        api(owner).postAs("/api/staff", "multipart/form-data", "email=x@example.org"), 400);
    assertUnreadable(
        api(owner)
            .putAs("/api/staff/me/profile", "application/x-www-form-urlencoded", "name=%ff%zz"),
        415);

    assertThat(mongo.getCollection("staff").countDocuments()).isEqualTo(staffBefore);
    assertThat(api(owner).get("/api/staff/me").text("name")).isEqualTo(name);
  }

  private static void assertUnreadable(ApiClient.Response answer, int status) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.text("type")).startsWith("https://inkwell.dev/problems/");
  }

  /**
   * Revoking a leaked secret must stop it: no new token, and the platform hears of it (the gateway
   * then refuses the tokens given before), the event leaving with the revocation itself.
   */
  @Test
  void anIntegrationSecretIsShownOnceAndRevokingItStopsNewTokens() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var created = api(owner).post("/api/integrations", "{\"name\":\"Zapier\"}");
    assertThat(created.status()).isEqualTo(201);
    String clientId = created.text("clientId");
    String secret = created.text("clientSecret");

    assertThat(decode(signIn().clientCredentials(clientId, secret)).getSubject())
        .isEqualTo(clientId);
    var listed = api(owner).get("/api/integrations");
    assertThat(listed.json().path("items").findValuesAsString("clientId")).contains(clientId);
    assertThat(listed.raw().body()).doesNotContain(secret).doesNotContain("clientSecret");
    assertThat(signIn().clientCredentialsResponse(clientId, "wrong").statusCode()).isEqualTo(401);

    assertThat(api(owner).delete("/api/integrations/" + clientId).status()).isEqualTo(204);
    assertThat(signIn().clientCredentialsResponse(clientId, secret).statusCode()).isEqualTo(401);
    assertThat(
            api(owner).get("/api/integrations").json().path("items").findValuesAsString("clientId"))
        .doesNotContain(clientId);
    assertThat(api(owner).delete("/api/integrations/" + clientId).status()).isEqualTo(404);

    var revoked =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    Topics.readAll(brokers, "blog.staff-events").stream()
                        .filter(r -> clientId.equals(r.key()))
                        .map(r -> JSON.readTree(r.value()))
                        .toList(),
                events -> !events.isEmpty());
    assertThat(revoked).hasSize(1);
    assertThat(revoked.get(0).path("type").asString()).isEqualTo("IntegrationRevoked");
    assertThat(revoked.get(0).path("clientId").asString()).isEqualTo(clientId);
    assertThat(Contracts.violations(revoked.get(0).toString())).isEmpty();
    // once the platform has heard of it, nothing of the integration is kept
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                mongo.getCollection("integrations").countDocuments(new Document("_id", clientId))
                    == 0);
  }

  @Test
  void staffChangeTheirOwnPassword() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var invited = invite(owner, "cy@example.org", "Cy", "CONTRIBUTOR");
    String temporary = invited.text("temporaryPassword");
    // the browser Cy changes the password at, and another one Cy forgot to sign out of
    var here = SignIn.browser();
    var hereTokens = signIn().personTokens(here, WEB, REDIRECT, "cy@example.org", temporary);
    String token = hereTokens.path("access_token").asString();
    var elsewhere = SignIn.browser();
    signIn().personTokens(elsewhere, WEB, REDIRECT, "cy@example.org", temporary);

    var wrong =
        api(token)
            .put(
                "/api/staff/me/password",
                ApiClient.json(
                    Map.of("currentPassword", "nope", "newPassword", "a much longer one")));
    var tooShort =
        api(token)
            .put(
                "/api/staff/me/password",
                ApiClient.json(Map.of("currentPassword", temporary, "newPassword", "short")));
    var changed =
        api(token)
            .put(
                "/api/staff/me/password",
                ApiClient.json(
                    Map.of(
                        "currentPassword",
                        temporary,
                        "newPassword",
                        "a much longer one",
                        "keepSession",
                        sid(hereTokens))));

    assertThat(List.of(wrong.status(), tooShort.status(), changed.status()))
        .containsExactly(422, 400, 204);
    assertThat(signIn().person(WEB, REDIRECT, "cy@example.org", "a much longer one")).isNotBlank();
    assertThatThrownBy(() -> signIn().person(WEB, REDIRECT, "cy@example.org", temporary))
        .isInstanceOf(SignIn.SignInFailed.class);
    // the other computer is no longer signed in: it is shown the form, where the old one fails
    assertThatThrownBy(
            () -> signIn().personTokens(elsewhere, WEB, REDIRECT, "cy@example.org", temporary))
        .isInstanceOf(SignIn.SignInFailed.class)
        .hasMessageContaining("refused");
    // the browser the password was changed at stays signed in
    assertThat(signIn().personTokens(here, WEB, REDIRECT, "cy@example.org", "not it")).isNotNull();
  }

  @Test
  void staffSeeTheBrowsersTheyAreSignedInAtAndSignOutAtOneOrEverywhereElse() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    String temporary = invite(owner, "dee@example.org", "Dee", "AUTHOR").text("temporaryPassword");
    var laptop = SignIn.browser();
    var laptopTokens =
        signIn()
            .as(FIREFOX_ON_WINDOWS)
            .personTokens(laptop, WEB, REDIRECT, "dee@example.org", temporary);
    var phone = SignIn.browser();
    signIn()
        .as(SAFARI_ON_AN_IPHONE)
        .keepingMeSignedIn()
        .personTokens(phone, WEB, REDIRECT, "dee@example.org", temporary);
    var library = SignIn.browser();
    var libraryTokens = signIn().personTokens(library, WEB, REDIRECT, "dee@example.org", temporary);
    var dee = api(laptopTokens.path("access_token").asString());

    var listed = dee.get("/api/staff/me/sessions?current=" + sid(laptopTokens));

    assertThat(listed.status()).isEqualTo(200);
    var browsers = listed.json().path("items");
    assertThat(browsers).hasSize(3);
    assertThat(browsers.get(0).path("sid").asString())
        .as("the one used last first")
        .isEqualTo(sid(libraryTokens));
    assertThat(browsers.valueStream().filter(b -> b.path("current").asBoolean()))
        .singleElement()
        .satisfies(b -> assertThat(b.path("sid").asString()).isEqualTo(sid(laptopTokens)));
    assertThat(browsers.valueStream().filter(b -> b.path("keptSignedIn").asBoolean()))
        .singleElement()
        .satisfies(b -> assertThat(b.path("device").asString()).isEqualTo("Mobile Safari on iOS"));
    assertThat(browsers.get(2).path("device").asString()).isEqualTo("Firefox on Windows");
    assertThat(browsers.get(0).has("device"))
        .as("a program's User-Agent names no browser")
        .isFalse();
    assertThat(browsers.get(0).path("lastActiveAt").asString()).isNotBlank();
    assertThat(listed.raw().body()).doesNotContain("dee@example.org");

    // the library's computer, left signed in
    assertThat(dee.delete("/api/staff/me/sessions/" + sid(libraryTokens)).status()).isEqualTo(204);
    assertThat(dee.delete("/api/staff/me/sessions/" + sid(libraryTokens)).status()).isEqualTo(404);
    assertThatThrownBy(
            () -> signIn().personTokens(library, WEB, REDIRECT, "dee@example.org", "not it"))
        .isInstanceOf(SignIn.SignInFailed.class)
        .hasMessageContaining("refused");

    var elsewhere = dee.delete("/api/staff/me/sessions?keepSession=" + sid(laptopTokens));

    assertThat(elsewhere.json().path("signedOut").asInt()).isEqualTo(1);
    assertThatThrownBy(
            () -> signIn().personTokens(phone, WEB, REDIRECT, "dee@example.org", "not it"))
        .as("even the phone kept signed in is asked for the password")
        .isInstanceOf(SignIn.SignInFailed.class);
    assertThat(signIn().personTokens(laptop, WEB, REDIRECT, "dee@example.org", "not it"))
        .as("the laptop it was done at is not")
        .isNotNull();
    assertThat(dee.get("/api/staff/me/sessions").json().path("items")).hasSize(1);
    // an integration has no browsers
    String bot = signIn().clientCredentials("ci-bot", "ci-bot-secret-of-some-length");
    assertThat(api(bot).get("/api/staff/me/sessions").status()).isEqualTo(403);
  }

  private static final String FIREFOX_ON_WINDOWS =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
  private static final String SAFARI_ON_AN_IPHONE =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
          + " Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

  /** The session a sign-in's ID token names, as the admin tells it to auth-service. */
  private String sid(JsonNode tokens) {
    return decode(tokens.path("id_token").asString()).getClaimAsString("sid");
  }
}
