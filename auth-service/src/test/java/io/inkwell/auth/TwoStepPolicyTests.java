package io.inkwell.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.auth.staff.StaffAccount;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.SignIn;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An admin requires two-step sign-in of all staff (Ghost's and GitHub's "Require two-factor
 * authentication"): a staff member without it is signed in by nothing but setting it up, right
 * after their password and a code mailed to them.
 */
class TwoStepPolicyTests extends AuthServiceIntegrationTest {

  // addresses of their own: the module's test classes share one database
  private static final String ADA = "ada.policy@example.org";
  private static final String WES = "wes.policy@example.org";
  private static final String LEN = "len.policy@example.org";
  private static final String KIT = "kit.policy@example.org";
  private static final Pattern KEY = Pattern.compile("id=\"two-step-key\">([A-Z2-7 ]+)<");

  @AfterEach
  void requireNothing() {
    // the module's other tests sign staff in with a password alone
    mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "security-policy");
  }

  @Test
  void whereTheBlogRequiresItAStaffMemberWithoutItSetsItUpOnTheWayInAndGetsTheirRecoveryCodes()
      throws Exception {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    String adaPassword = invite(owner, ADA, "Ada", "ADMIN").text("temporaryPassword");
    String wesPassword = invite(owner, WES, "Wes", "EDITOR").text("temporaryPassword");
    var ada = api(signIn().person(WEB, REDIRECT, ADA, adaPassword));
    String on = ApiClient.json(Map.of("twoStepRequired", true));

    var refused = ada.put("/api/staff/security-policy", on);
    assertThat(refused.status())
        .as("nobody requires of others what they skip themselves")
        .isEqualTo(409);
    assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(refused.text("detail")).contains("for yourself first");
    String adaKey = ada.post("/api/staff/me/two-step", "{}").text("key").replace(" ", "");
    ada.put("/api/staff/me/two-step", ApiClient.json(Map.of("code", code(adaKey))));
    var wesToken = signIn().person(WEB, REDIRECT, WES, wesPassword);
    assertThat(api(wesToken).put("/api/staff/security-policy", on).status())
        .as("admins only")
        .isEqualTo(403);
    for (String odd : new String[] {"{}", "{\"twoStepRequired\":\"yes\"}", "{\"$set\":{}}"}) {
      var nonsense = ada.put("/api/staff/security-policy", odd);
      assertThat(nonsense.status()).as(odd).isEqualTo(400);
      assertThat(nonsense.header("Content-Type")).isEqualTo("application/problem+json");
    }

    // Kit is signed in already, in a browser that gets new tokens without the password
    String kitPassword = invite(owner, KIT, "Kit", "AUTHOR").text("temporaryPassword");
    var kitsBrowser = SignIn.browser();
    signIn().personTokens(kitsBrowser, WEB, REDIRECT, KIT, kitPassword);
    assertThat(signIn().personTokens(kitsBrowser, WEB, REDIRECT, KIT, "no password needed"))
        .isNotNull();

    var required = ada.put("/api/staff/security-policy", on);

    assertThat(required.status()).as(required.toString()).isEqualTo(200);
    assertThat(required.json().path("twoStepRequired").asBoolean()).isTrue();
    assertThat(required.json().path("staffWithoutTwoStep").asLong())
        .as("the owner and Wes, at least")
        .isGreaterThanOrEqualTo(2);
    assertThat(ada.get("/api/staff/security-policy").json().path("twoStepRequired").asBoolean())
        .isTrue();

    assertThatThrownBy(() -> signIn().personTokens(kitsBrowser, WEB, REDIRECT, KIT, kitPassword))
        .as("a browser signed in before is asked again, and led to the setup")
        .hasMessageEndingWith("/login?setup");

    // Wes signs in in a browser on the way to the admin: the password, then the setup
    var browser = SignIn.browser();
    URI authorize = authorizeUri();
    assertThat(get(browser, authorize).headers().firstValue("Location").orElseThrow())
        .endsWith("/login");
    String form = get(browser, URI.create(base() + "/login")).body();
    var password =
        postForm(browser, "/login", form, Map.of("username", WES, "password", wesPassword));
    assertThat(password.headers().firstValue("Location").orElseThrow()).endsWith("/login?setup");
    // first the code mailed to Wes's address: the password alone puts no phone on the account
    String mailedPage = get(browser, URI.create(base() + "/login?setup")).body();
    assertThat(mailedPage)
        .contains("we mailed a six-digit code")
        .doesNotContain("data:image/svg+xml")
        .doesNotContain("two-step-key");
    var mailed = staffEvents(staffAccount(WES).id(), "TwoStepSetupCodeRequested", 1).get(0);
    assertThat(Contracts.violations(mailed.toString())).isEmpty();
    assertThat(mailed.path("email").asString()).isEqualTo(WES);
    String mailedCode = mailed.path("code").asString();
    String notIt = mailedCode.equals("000000") ? "000001" : "000000";
    var guess = postForm(browser, "/login", mailedPage, Map.of("code", notIt));
    assertThat(guess.headers().firstValue("Location").orElseThrow()).endsWith("/login?code&wrong");
    String wrongPage = get(browser, URI.create(base() + "/login?code&wrong")).body();
    assertThat(wrongPage).contains("not the code we mailed last").doesNotContain("two-step-key");
    var tooSoon = postForm(browser, "/two-step/setup-code", wrongPage, Map.of());
    assertThat(tooSoon.headers().firstValue("Location").orElseThrow())
        .as("one mail a minute at most")
        .endsWith("/login?setup&notYet");
    var proven = postForm(browser, "/login", wrongPage, Map.of("code", mailedCode));
    assertThat(proven.headers().firstValue("Location").orElseThrow()).endsWith("/login?setup");
    String setupPage = get(browser, URI.create(base() + "/login?setup")).body();
    assertThat(setupPage)
        .contains("asks all its staff to sign in in two steps")
        .contains("src=\"data:image/svg+xml;base64,")
        .doesNotContain("name=\"password\"");
    String key = key(setupPage);
    var typo = postForm(browser, "/login", setupPage, Map.of("code", "000000"));
    assertThat(typo.headers().firstValue("Location").orElseThrow()).endsWith("/login?code&wrong");
    String again = get(browser, URI.create(base() + "/login?code&wrong")).body();
    assertThat(key(again)).as("the same secret, still to confirm").isEqualTo(key);
    assertThat(staffAccount(WES).twoStep()).isFalse();

    var confirmed = postForm(browser, "/login", again, Map.of("code", code(key)));

    assertThat(confirmed.headers().firstValue("Location").orElseThrow())
        .endsWith("/two-step/recovery-codes");
    String codesPage = get(browser, URI.create(base() + "/two-step/recovery-codes")).body();
    assertThat(Pattern.compile("<li><code>[a-z0-9-]{11}</code></li>").matcher(codesPage).results())
        .hasSize(10);
    assertThat(staffAccount(WES).twoStep()).isTrue();
    Matcher onwards =
        Pattern.compile("href=\"([^\"]*/oauth2/authorize[^\"]*)\"").matcher(codesPage);
    assertThat(onwards.find()).as("the way on to where the sign-in was going").isTrue();
    var back = get(browser, URI.create(onwards.group(1).replace("&amp;", "&")));
    assertThat(back.headers().firstValue("Location").orElseThrow())
        .as("signed in: the web client gets its code")
        .startsWith(REDIRECT + "?code=");
    assertThat(get(browser, URI.create(base() + "/two-step/recovery-codes")).body())
        .as("shown once")
        .doesNotContain("<li><code>");

    // from now on Wes signs in in two steps, as anyone who turned it on
    assertThatThrownBy(() -> signIn().person(WEB, REDIRECT, WES, wesPassword))
        .hasMessageEndingWith("/login?code");
    var wes = api(signIn().withCode(() -> code(key, 30)).person(WEB, REDIRECT, WES, wesPassword));
    assertThat(wes.get("/api/staff/me").json().path("twoStepRequired").asBoolean()).isTrue();
    var stays =
        wes.post(
            "/api/staff/me/two-step/off", ApiClient.json(Map.of("currentPassword", wesPassword)));
    assertThat(stays.status()).as("required: it stays on").isEqualTo(409);
    assertThat(stays.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(staffAccount(WES).twoStep()).isTrue();

    var off =
        ada.put("/api/staff/security-policy", ApiClient.json(Map.of("twoStepRequired", false)));
    assertThat(off.json().path("twoStepRequired").asBoolean()).isFalse();
    assertThat(wes.get("/api/staff/me").json().path("twoStepRequired").asBoolean()).isFalse();
    String lenPassword = invite(owner, LEN, "Len", "AUTHOR").text("temporaryPassword");
    assertThat(signIn().person(WEB, REDIRECT, LEN, lenPassword))
        .as("a password alone signs in again where the blog does not require more")
        .isNotBlank();
  }

  private URI authorizeUri() {
    return URI.create(
        base()
            + "/oauth2/authorize?response_type=code&client_id="
            + WEB
            + "&redirect_uri="
            + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
            + "&scope=openid&state=s1"
            // RFC 7636's example challenge: the code is never exchanged here
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
            + "&code_challenge_method=S256");
  }

  private static String key(String page) {
    Matcher key = KEY.matcher(page);
    assertThat(key.find()).as("a key to type").isTrue();
    return key.group(1).replace(" ", "");
  }

  private StaffAccount staffAccount(String email) {
    return staff.byEmail(email).orElseThrow();
  }
}
