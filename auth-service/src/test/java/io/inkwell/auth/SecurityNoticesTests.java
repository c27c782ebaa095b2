package io.inkwell.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a staff member is told of their account's sign-in, as GitHub, Google and WordPress mail it:
 * a sign-in from a browser it never used, a new password, two-step sign-in turned on or off, a
 * recovery code taken. auth-service raises each as a {@code StaffSecurityNotice} for
 * notification-service to mail, with the change itself.
 */
class SecurityNoticesTests extends AuthServiceIntegrationTest {

  private static final String FIREFOX =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
  private static final String IPHONE =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
          + " Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

  @Test
  void aSignInFromABrowserTheAccountNeverUsedIsToldToItsOwnerOnce() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var invited = invite(owner, "vic@example.org", "Vic", "AUTHOR");
    String id = invited.text("id");
    String password = invited.text("temporaryPassword");

    // the first sign-in has nothing to be compared with; the same browser again is no news
    signIn().as(FIREFOX).person(WEB, REDIRECT, "vic@example.org", password);
    signIn().as(FIREFOX).person(WEB, REDIRECT, "vic@example.org", password);
    signIn().as(IPHONE).person(WEB, REDIRECT, "vic@example.org", password);
    signIn().as(IPHONE).person(WEB, REDIRECT, "vic@example.org", password);
    signIn().as(FIREFOX).person(WEB, REDIRECT, "vic@example.org", password);

    JsonNode told = staffEvents(id, "NEW_BROWSER", 1).get(0);
    assertThat(Contracts.violations(told.toString())).isEmpty();
    assertThat(told.path("email").asString()).isEqualTo("vic@example.org");
    assertThat(told.path("name").asString()).isEqualTo("Vic");
    assertThat(told.path("device").asString()).isEqualTo("Mobile Safari on iOS");
    assertThat(told.path("resetUrl").asString()).isEqualTo(issuer + "/password-reset");
    assertThat(noticesOf(id)).containsExactly("NEW_BROWSER");
  }

  @Test
  void newPasswordsAndChangesOfTwoStepSignInAreToldToTheAccountsOwner() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    String ownerName = api(owner).get("/api/staff/me").text("name");
    var invited = invite(owner, "wes@example.org", "Wes", "AUTHOR");
    String id = invited.text("id");
    String temporary = invited.text("temporaryPassword");
    var wes = api(signIn().person(WEB, REDIRECT, "wes@example.org", temporary));

    String password = "wes's own password, long";
    var changed =
        wes.put(
            "/api/staff/me/password",
            ApiClient.json(Map.of("currentPassword", temporary, "newPassword", password)));
    assertThat(changed.status()).isEqualTo(204);
    wes = api(signIn().person(WEB, REDIRECT, "wes@example.org", password));
    String key = wes.post("/api/staff/me/two-step", "{}").text("key").replace(" ", "");
    var recovery =
        wes.put("/api/staff/me/two-step", ApiClient.json(Map.of("code", code(key))))
            .json()
            .path("recoveryCodes");
    String lostPhone = recovery.get(0).asString();
    signIn().withCode(() -> lostPhone).person(WEB, REDIRECT, "wes@example.org", password);
    assertThat(api(owner).delete("/api/staff/" + id + "/two-step").status()).isEqualTo(204);
    // off already: nothing changes, nothing is told
    assertThat(
            wes.post(
                    "/api/staff/me/two-step/off",
                    ApiClient.json(Map.of("currentPassword", password)))
                .status())
        .isEqualTo(204);

    List<JsonNode> notices = staffEvents(id, "StaffSecurityNotice", 4);
    notices.forEach(notice -> assertThat(Contracts.violations(notice.toString())).isEmpty());
    assertThat(noticesOf(id))
        .containsExactly("PASSWORD_CHANGED", "TWO_STEP_ON", "RECOVERY_CODE_USED", "TWO_STEP_OFF");
    assertThat(notices.get(2).path("recoveryCodesLeft").asInt()).isEqualTo(9);
    assertThat(notices.get(3).path("changedBy").asString()).isEqualTo(ownerName);
    assertThat(notices.get(0).hasNonNull("changedBy")).isFalse();
  }

  @Test
  void newRecoveryCodesReplaceTheOldOnesAfterThePasswordAndTheOwnerIsTold() {
    String owner = signIn().person(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    var invited = invite(owner, "xia@example.org", "Xia", "AUTHOR");
    String password = invited.text("temporaryPassword");
    var xia = api(signIn().person(WEB, REDIRECT, "xia@example.org", password));
    assertThat(
            xia.post(
                    "/api/staff/me/two-step/recovery-codes",
                    ApiClient.json(Map.of("currentPassword", password)))
                .status())
        .as("two-step sign-in is off: no codes to renew")
        .isEqualTo(409);
    String key = xia.post("/api/staff/me/two-step", "{}").text("key").replace(" ", "");
    List<String> first =
        xia.put("/api/staff/me/two-step", ApiClient.json(Map.of("code", code(key))))
            .json()
            .path("recoveryCodes")
            .valueStream()
            .map(JsonNode::asString)
            .toList();

    var wrong =
        xia.post(
            "/api/staff/me/two-step/recovery-codes",
            ApiClient.json(Map.of("currentPassword", "a guess")));
    var renewed =
        xia.post(
            "/api/staff/me/two-step/recovery-codes",
            ApiClient.json(Map.of("currentPassword", password)));

    assertThat(wrong.status()).isEqualTo(422);
    assertThat(renewed.status()).isEqualTo(200);
    List<String> second =
        renewed.json().path("recoveryCodes").valueStream().map(JsonNode::asString).toList();
    assertThat(second).hasSize(10).doesNotHaveDuplicates().doesNotContainAnyElementsOf(first);
    assertThat(xia.get("/api/staff/me").json().path("recoveryCodesLeft").asInt()).isEqualTo(10);
    assertThatThrownBy(
            () ->
                signIn()
                    .withCode(() -> first.get(0))
                    .person(WEB, REDIRECT, "xia@example.org", password))
        .as("an old code works no more")
        .hasMessageEndingWith("/login?code&wrong");
    String in =
        signIn().withCode(() -> second.get(0)).person(WEB, REDIRECT, "xia@example.org", password);
    assertThat(api(in).get("/api/staff/me").json().path("recoveryCodesLeft").asInt()).isEqualTo(9);
    assertThat(noticesOf(invited.text("id")))
        .containsExactly("TWO_STEP_ON", "RECOVERY_CODES_RENEWED", "RECOVERY_CODE_USED");
  }
}
