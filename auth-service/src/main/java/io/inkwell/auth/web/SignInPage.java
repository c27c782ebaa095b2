package io.inkwell.auth.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.inkwell.auth.AuthSettings;
import io.inkwell.auth.security.TwoStepCodes;
import io.inkwell.auth.staff.SetupCodes;
import io.inkwell.auth.staff.StaffManagement;
import io.inkwell.auth.staff.TwoStep;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in form staff see on their way into the admin, in the blog's name and colours. Spring
 * Security's form login processes what it posts; after the right password of an account that signs
 * in in two steps, the same page asks for the code ({@code TwoStepCodes} takes it), and on a blog
 * that requires two-step sign-in of an account without it, it asks for the code mailed to the
 * account's address, then shows a new secret to scan and asks for its first code. The recovery
 * codes of two-step sign-in set up so are shown once, next.
 */
@Controller
class SignInPage {

  private final Clock clock;
  private final StaffManagement staff;
  private final TwoStep twoStep;
  private final AuthSettings settings;
  private final SetupCodes setupCodes;

  SignInPage(
      Clock clock,
      StaffManagement staff,
      TwoStep twoStep,
      AuthSettings settings,
      SetupCodes setupCodes) {
    this.setupCodes = setupCodes;
    this.clock = clock;
    this.staff = staff;
    this.twoStep = twoStep;
    this.settings = settings;
  }

  @GetMapping("/login")
  String signIn(HttpSession session, @RequestParam(required = false) String again, Model model) {
    if (again != null) {
      session.removeAttribute(TwoStepCodes.AWAITED);
      session.removeAttribute(TwoStepCodes.SETUP);
      session.removeAttribute(TwoStepCodes.MAILBOX);
    }
    var awaited = TwoStepCodes.awaited(session, clock);
    boolean mailboxProven = awaited != null && TwoStepCodes.mailboxProven(session, awaited.email());
    TwoStep.Setup setup =
        awaited != null && awaited.setup() && mailboxProven ? setup(session, awaited) : null;
    if (awaited != null && (!awaited.setup() || !mailboxProven || setup != null)) {
      model.addAttribute("codeFor", awaited.email());
      model.addAttribute("keepSignedIn", awaited.keepSignedIn());
      model.addAttribute("mailedCode", awaited.setup() && !mailboxProven);
      if (setup != null) {
        model.addAttribute("setup", setup);
        // as an image's address: an SVG image runs no script, whatever it holds
        model.addAttribute(
            "qrCodeImage",
            "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(setup.qrCode().getBytes(UTF_8)));
      }
    }
    return "login";
  }

  /**
   * The secret being set up in this sign-in: the same one until its code is typed; none when the
   * account was removed meanwhile (the form starts again).
   */
  private TwoStep.Setup setup(HttpSession session, TwoStepCodes.Awaited awaited) {
    if (session.getAttribute(TwoStepCodes.SETUP) instanceof TwoStep.Setup shown) {
      return shown;
    }
    var setup = staff.byEmail(awaited.email()).flatMap(account -> twoStep.begin(account.id()));
    if (setup.isEmpty()) {
      session.removeAttribute(TwoStepCodes.AWAITED);
      return null;
    }
    session.setAttribute(TwoStepCodes.SETUP, setup.get());
    return setup.get();
  }

  /**
   * Mails another setup code to whoever is setting two-step sign-in up in this session, unless one
   * went a minute ago or less.
   */
  @PostMapping("/two-step/setup-code")
  String mailAnotherSetupCode(HttpSession session) {
    var awaited = TwoStepCodes.awaited(session, clock);
    if (awaited == null || !awaited.setup()) {
      return "redirect:/login?expired";
    }
    boolean mailed =
        !TwoStepCodes.mailboxProven(session, awaited.email())
            && staff.byEmail(awaited.email()).map(setupCodes::mail).orElse(false);
    return mailed ? "redirect:/login?setup&mailed" : "redirect:/login?setup&notYet";
  }

  /**
   * The recovery codes of two-step sign-in set up while signing in, shown this once, with the way
   * on to where the sign-in was going (the admin, mostly).
   */
  @GetMapping("/two-step/recovery-codes")
  String recoveryCodes(HttpServletRequest request, HttpServletResponse response, Model model) {
    HttpSession session = request.getSession();
    if (!(session.getAttribute(TwoStepCodes.RECOVERY_CODES) instanceof List<?> codes)) {
      return "redirect:" + onwards(request, response);
    }
    session.removeAttribute(TwoStepCodes.RECOVERY_CODES);
    model.addAttribute("recoveryCodes", codes);
    model.addAttribute("onwards", onwards(request, response));
    return "recovery-codes";
  }

  private String onwards(HttpServletRequest request, HttpServletResponse response) {
    var interrupted = new HttpSessionRequestCache().getRequest(request, response);
    return interrupted != null
        ? interrupted.getRedirectUrl()
        : settings.issuer().replaceAll("/$", "") + "/admin";
  }
}
