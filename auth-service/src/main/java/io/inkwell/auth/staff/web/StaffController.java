package io.inkwell.auth.staff.web;

import io.inkwell.auth.staff.Role;
import io.inkwell.auth.staff.SignedInBrowsers;
import io.inkwell.auth.staff.StaffAccount;
import io.inkwell.auth.staff.StaffManagement;
import io.inkwell.auth.staff.TwoStep;
import io.inkwell.auth.staff.TwoStepPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff accounts: admins invite, list, change roles and suspend; everyone manages their own
 * password and mail preference.
 */
@RestController
class StaffController {

  private final StaffManagement staff;
  private final SignedInBrowsers browsers;
  private final TwoStep twoStep;

  private final TwoStepPolicy policy;

  StaffController(
      StaffManagement staff, SignedInBrowsers browsers, TwoStep twoStep, TwoStepPolicy policy) {
    this.staff = staff;
    this.browsers = browsers;
    this.twoStep = twoStep;
    this.policy = policy;
  }

  /**
   * Whether the blog requires two-step sign-in of all staff, and how many active staff members
   * still sign in with a password alone (each sets it up at their next sign-in).
   */
  @GetMapping("/api/staff/security-policy")
  SecurityPolicy securityPolicy() {
    return new SecurityPolicy(policy.required(), policy.staffWithoutIt());
  }

  /**
   * Requires two-step sign-in of all staff, or stops (admins); 409 for an admin who has not set it
   * up for themselves, or an integration (whose tokens sign nobody in).
   */
  @PutMapping(path = "/api/staff/security-policy", consumes = MediaType.APPLICATION_JSON_VALUE)
  SecurityPolicy requireTwoStep(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody SecurityPolicyRequest request) {
    try {
      policy.require(request.twoStepRequired(), token.getSubject());
    } catch (TwoStepPolicy.OwnTwoStepOff off) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, off.getMessage());
    }
    return securityPolicy();
  }

  /**
   * @param staffWithoutTwoStep active staff who sign in with a password alone
   */
  record SecurityPolicy(boolean twoStepRequired, long staffWithoutTwoStep) {}

  record SecurityPolicyRequest(@jakarta.validation.constraints.NotNull Boolean twoStepRequired) {}

  /**
   * The invitee gets a mail with a link to choose their password; the temporary password in this
   * answer (and nowhere else) works too, for whoever invited them to pass on.
   */
  @PostMapping("/api/staff")
  ResponseEntity<StaffResponse> invite(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody InviteRequest request) {
    String invitedBy = token.getClaimAsString("name");
    var invitation =
        staff.invite(
            request.email(),
            request.name(),
            request.role(),
            invitedBy == null ? "The blog's admin" : invitedBy);
    var body = StaffResponse.of(invitation.account(), invitation.temporaryPassword());
    return ResponseEntity.created(URI.create("/api/staff/" + body.id())).body(body);
  }

  @GetMapping("/api/staff")
  Map<String, List<StaffResponse>> list() {
    return Map.of("items", staff.all().stream().map(StaffResponse::of).toList());
  }

  /** The signed-in staff member's own account. */
  @GetMapping("/api/staff/me")
  StaffResponse me(@AuthenticationPrincipal Jwt token) {
    return StaffResponse.of(account(token.getSubject())).withTwoStepRequired(policy.required());
  }

  /**
   * What they want to be mailed about: {@code {"commentMails": false}} for no comment mails, {@code
   * {"reviewMails": false}} for no mail about drafts submitted for review; one left out stays.
   */
  @PutMapping("/api/staff/me/notifications")
  ResponseEntity<StaffResponse> notifications(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody NotificationsRequest request) {
    return found(
        staff.setMailPreferences(
            token.getSubject(), request.commentMails(), request.reviewMails()));
  }

  /**
   * @param commentMails whether to get a mail when a reader comments on one of their posts
   * @param reviewMails whether to get a mail when a draft is submitted for review
   */
  record NotificationsRequest(Boolean commentMails, Boolean reviewMails) {

    @AssertTrue(message = "say which mails: commentMails, reviewMails or both")
    boolean isAnyChosen() {
      return commentMails != null || reviewMails != null;
    }
  }

  /**
   * What readers see of the signed-in staff member, as Ghost's profile settings: the name on their
   * bylines, a short bio (200 characters, as Ghost's), their website and their picture (one of the
   * blog's, {@code /api/images/…}, or an https address). All are set at once; a blank one is none.
   */
  @PutMapping("/api/staff/me/profile")
  ResponseEntity<StaffResponse> profile(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody ProfileRequest request) {
    return found(
        staff.describe(
            token.getSubject(),
            request.name(),
            request.bio(),
            request.website(),
            request.avatar()));
  }

  record ProfileRequest(
      @NotBlank
          @Size(max = 100)
          @Pattern(regexp = InviteRequest.VISIBLE, message = InviteRequest.SOMETHING_TO_SEE)
          String name,
      @Size(max = 200) String bio,
      @Size(max = 500)
          @Pattern(
              regexp = "\\s*(https?://[^\\s<>\"]+)?\\s*",
              flags = Pattern.Flag.CASE_INSENSITIVE,
              message = "must be an http or https address")
          String website,
      @Size(max = 500)
          @Pattern(
              regexp =
                  "\\s*(/api/images/[A-Za-z0-9_-]+(\\.[A-Za-z0-9]{1,5})?|https://[^\\s<>\"]+)?\\s*",
              flags = Pattern.Flag.CASE_INSENSITIVE,
              message = "must be one of the blog's pictures (/api/images/…) or an https address")
          String avatar) {}

  /**
   * Gives a staff member another role (not the owner, and nobody becomes owner: 422); it holds from
   * their next token.
   */
  @PutMapping("/api/staff/{staffId}/role")
  ResponseEntity<StaffResponse> role(
      @PathVariable String staffId, @Valid @RequestBody RoleRequest request) {
    return found(staff.changeRole(staffId, request.role()));
  }

  record RoleRequest(@NotNull Role role) {}

  /**
   * Suspends a staff member ({@code {"suspended": true}}) or gives their access back; not the
   * owner, and not oneself (422).
   */
  @PutMapping("/api/staff/{staffId}/suspended")
  ResponseEntity<StaffResponse> suspended(
      @AuthenticationPrincipal Jwt token,
      @PathVariable String staffId,
      @Valid @RequestBody SuspendedRequest request) {
    return found(staff.suspend(staffId, request.suspended(), token.getSubject()));
  }

  record SuspendedRequest(@NotNull Boolean suspended) {}

  /**
   * Removes a staff member (admins; not the owner, and not oneself: 422); their posts keep their
   * byline.
   */
  @DeleteMapping("/api/staff/{staffId}")
  ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt token, @PathVariable String staffId) {
    if (!staff.remove(staffId, token.getSubject())) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "There is no staff account with this id.");
    }
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/api/staff/me/password")
  ResponseEntity<Void> changePassword(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody PasswordChangeRequest request) {
    if (!staff.changePassword(
        token.getSubject(),
        request.currentPassword(),
        request.newPassword(),
        request.keepSession())) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT, "The current password is not right.");
    }
    return ResponseEntity.noContent().build();
  }

  /**
   * The browsers the signed-in staff member is signed in at, the one used last first; {@code
   * current}, the {@code sid} of their ID token, marks the one they ask from.
   */
  @GetMapping("/api/staff/me/sessions")
  Map<String, List<SignedInBrowsers.Browser>> sessions(
      @AuthenticationPrincipal Jwt token, @RequestParam(required = false) String current) {
    return Map.of("items", browsers.of(account(token.getSubject()), current));
  }

  /**
   * "Sign out everywhere else", as WordPress's profile has it: every browser but the one {@code
   * keepSession} names is asked for the password at its next sign-in step (at once for the admin,
   * which asks for tokens every few minutes); all of them without it.
   */
  @DeleteMapping("/api/staff/me/sessions")
  Map<String, Integer> signOutElsewhere(
      @AuthenticationPrincipal Jwt token, @RequestParam(required = false) String keepSession) {
    var account = account(token.getSubject());
    return Map.of(
        "signedOut", browsers.signOut(account, keepSession, "they signed out everywhere else"));
  }

  /** Signs out at the one browser {@code sid} names (a phone left somewhere). */
  @DeleteMapping("/api/staff/me/sessions/{sid}")
  ResponseEntity<Void> signOutAt(@AuthenticationPrincipal Jwt token, @PathVariable String sid) {
    if (!browsers.signOutAt(account(token.getSubject()), sid)) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "You are not signed in at such a browser (any more).");
    }
    return ResponseEntity.noContent().build();
  }

  /**
   * Starts setting two-step sign-in up: a new secret for their authenticator app, to scan ({@code
   * uri}, a QR code's) or type ({@code key}); it counts once a code of it is confirmed.
   */
  @PostMapping("/api/staff/me/two-step")
  TwoStep.Setup beginTwoStep(@AuthenticationPrincipal Jwt token) {
    if (account(token.getSubject()).twoStep()) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "Two-step sign-in is on already; turn it off first to start again.");
    }
    return twoStep.begin(token.getSubject()).orElseThrow();
  }

  /** A code of the app just set up turns two-step sign-in on: the recovery codes, shown once. */
  @PutMapping("/api/staff/me/two-step")
  Map<String, List<String>> confirmTwoStep(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody CodeRequest request) {
    return Map.of(
        "recoveryCodes",
        twoStep
            .confirm(token.getSubject(), request.code())
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "That is not a code of the app being set up (or nothing is being set"
                            + " up): type the code it shows now.")));
  }

  record CodeRequest(@NotBlank @Size(max = 20) String code) {}

  /**
   * Signing in takes the password alone again; the password is asked for first. 409 where the blog
   * requires two-step sign-in.
   */
  @PostMapping("/api/staff/me/two-step/off")
  ResponseEntity<Void> turnTwoStepOff(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody PasswordRequest request) {
    if (policy.required()) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "The blog requires two-step sign-in of all staff, so it stays on. Should your phone be"
              + " lost, a recovery code signs you in, and an admin can turn it off for you.");
    }
    if (!staff.passwordIs(token.getSubject(), request.currentPassword())) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT, "The current password is not right.");
    }
    twoStep.turnOff(token.getSubject(), null);
    return ResponseEntity.noContent().build();
  }

  record PasswordRequest(@NotBlank @Size(max = 200) String currentPassword) {}

  /**
   * Ten new recovery codes in place of those left, shown this once; the password is asked for
   * first.
   */
  @PostMapping("/api/staff/me/two-step/recovery-codes")
  Map<String, List<String>> renewRecoveryCodes(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody PasswordRequest request) {
    if (!staff.passwordIs(token.getSubject(), request.currentPassword())) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT, "The current password is not right.");
    }
    return Map.of(
        "recoveryCodes",
        twoStep
            .renewRecoveryCodes(token.getSubject())
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.CONFLICT,
                        "Two-step sign-in is off: there are no recovery codes to renew.")));
  }

  /** An admin turns a staff member's two-step sign-in off: a lost phone, and no recovery code. */
  @DeleteMapping("/api/staff/{staffId}/two-step")
  ResponseEntity<Void> turnTwoStepOffFor(
      @AuthenticationPrincipal Jwt token, @PathVariable String staffId) {
    if (account(staffId).role() == Role.OWNER) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "Only the owner turns the owner's two-step sign-in off.");
    }
    boolean theirOwn = staffId.equals(token.getSubject());
    twoStep.turnOff(staffId, theirOwn ? null : token.getClaimAsString("name"));
    return ResponseEntity.noContent().build();
  }

  private StaffAccount account(String staffId) {
    return staff
        .byId(staffId)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "There is no staff account with this id."));
  }

  /** The account as answered, or a 404 problem when there is no such account. */
  private static ResponseEntity<StaffResponse> found(Optional<StaffAccount> account) {
    return ResponseEntity.ok(
        account
            .map(StaffResponse::of)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no staff account with this id.")));
  }
}
