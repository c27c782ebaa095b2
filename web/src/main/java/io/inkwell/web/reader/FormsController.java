package io.inkwell.web.reader;

import io.inkwell.web.api.BlogApi;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The reader's forms, as plain form posts that work without JavaScript: commenting, subscribing,
 * and the pages behind the links in subscription mails. Each answers with a redirect to a page that
 * says what happened (post/redirect/get), so reloading sends nothing twice.
 */
@Controller
class FormsController {

  private final BlogApi api;
  private final Words words;
  private final Site site;

  FormsController(BlogApi api, Words words, Site site) {
    this.api = api;
    this.words = words;
    this.site = site;
  }

  /**
   * The longest address a form leads back to; a longer one would not fit in the answer's headers (8
   * KB), and browsers themselves stop at about this length.
   */
  private static final int LONGEST_PAGE_ADDRESS = 2_000;

  @PostMapping("/posts/{slug}/comments")
  String comment(
      @PathVariable String slug,
      @RequestParam String postId,
      @RequestParam(defaultValue = "") String authorName,
      @RequestParam(defaultValue = "") String authorEmail,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(required = false) String parentId,
      @RequestParam(defaultValue = "false") boolean notifyOnReply,
      @RequestParam(defaultValue = "false") boolean notifyOnComments,
      @RequestParam(defaultValue = "false") boolean subscribe,
      @RequestParam(required = false) String website,
      @RequestParam(required = false) String renderedAt,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    var posted =
        api.postComment(
            postId,
            authorName,
            authorEmail,
            body,
            parentId,
            new BlogApi.CommentMails(notifyOnReply, notifyOnComments),
            website,
            instant(renderedAt),
            forwardedFor(request));
    String back = "redirect:/posts/" + UriUtils.encodePathSegment(slug, "UTF-8");
    if (posted.status() == 201) {
      // WordPress's "Notify me of new posts by email": the usual double opt-in, asked for here
      boolean asked =
          subscribe && api.subscribe(authorEmail.strip(), List.of(), forwardedFor(request)) == 202;
      return back
          + "?comment="
          + ("APPROVED".equals(posted.commentStatus()) ? "posted" : "held")
          + (asked ? "&subscription=asked" : "")
          // Blogger's "Notify me" (every later comment, or replies): the mails start once the
          // comment is up and, the first time, the reader confirmed by mail
          + (notifyOnComments ? "&follow=asked" : notifyOnReply ? "&follow=replies" : "")
          + "#comments";
    }
    if (posted.sentBefore()) {
      // a form sent twice (a double click without scripts, a reload that sends again): the first
      // one was taken, so this one is no error to fix and no draft to keep
      return back + "?comment=received#comments";
    }
    // Keep what the reader wrote, and tell them what to fix.
    redirect.addFlashAttribute("commentError", words.of(refusal(posted.problemType())));
    redirect.addFlashAttribute("draftName", authorName);
    redirect.addFlashAttribute("draftEmail", authorEmail);
    redirect.addFlashAttribute("draftBody", body);
    return back + "#comment-form";
  }

  @PostMapping("/subscribe")
  String subscribe(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(required = false) List<String> tags,
      @RequestParam(required = false) String frequency,
      @RequestParam(defaultValue = "/") String from,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    int status =
        api.subscribe(
            email.strip(), tags == null ? List.of() : tags, frequency, forwardedFor(request));
    redirect.addFlashAttribute(
        "subscribeOutcome",
        switch (status) {
          case 202 -> words.of("subscribe.sent");
          case 429 -> words.of("subscribe.tooMany");
          case 503 -> words.of("subscribe.unavailable");
          default -> words.of("subscribe.invalid");
        });
    // Only back to a page of this site, at an address a browser keeps (no page has a longer one)
    String target =
        from.startsWith("/") && !from.startsWith("//") && from.length() <= LONGEST_PAGE_ADDRESS
            ? from
            : "/";
    return "redirect:" + target + "#subscribe";
  }

  /**
   * Whether a link's token may be one: a mail's link carries it as one word. A link that lost it (a
   * mail program that broke the address over two lines leaves it blank, or with the line break in
   * it) opens the page that says the link does not work, not a button that could only fail.
   */
  private static boolean aToken(String token) {
    return !token.isEmpty() && token.chars().noneMatch(c -> c == ' ' || Character.isISOControl(c));
  }

  /** The page a mail's link opens: a button that sends the token, as the link cannot do alone. */
  private static String buttonPage(String token, String action, Model model) {
    model.addAttribute("token", token);
    model.addAttribute("action", aToken(token) ? action : "invalid");
    return "subscription";
  }

  /** What came of pressing the button of a mail link's page. */
  private static String answered(String action, boolean ok, Model model) {
    model.addAttribute("action", action);
    model.addAttribute("ok", ok);
    return "subscription";
  }

  @GetMapping("/subscriptions/confirm")
  String confirmPage(@RequestParam(defaultValue = "") String token, Model model) {
    return buttonPage(token, "confirm", model);
  }

  @PostMapping("/subscriptions/confirm")
  String confirm(@RequestParam(defaultValue = "") String token, Model model) {
    return answered("confirmed", api.confirm(token) == 200, model);
  }

  /**
   * The link, in the mail that asks to confirm a subscription, for whoever did not ask: a page
   * whose button keeps the blog from mailing the address again.
   */
  @GetMapping("/subscriptions/never")
  String refusePage(@RequestParam(defaultValue = "") String token, Model model) {
    return buttonPage(token, "refuse", model);
  }

  @PostMapping("/subscriptions/never")
  String refuse(@RequestParam(defaultValue = "") String token, Model model) {
    return answered("refused", api.refuseSubscription(token) == 200, model);
  }

  @GetMapping("/subscriptions/unsubscribe")
  String unsubscribePage(@RequestParam(defaultValue = "") String token, Model model) {
    return buttonPage(token, "unsubscribe", model);
  }

  @PostMapping("/subscriptions/unsubscribe")
  String unsubscribe(@RequestParam(defaultValue = "") String token, Model model) {
    return answered("unsubscribed", api.unsubscribe(token) == 200, model);
  }

  /**
   * The stop link of a reply mail, or of a mail about a new comment on a post the reader follows: a
   * page with a button, as every link in a mail opens.
   */
  @GetMapping("/subscriptions/replies")
  String stopRepliesPage(@RequestParam(defaultValue = "") String token, Model model) {
    return buttonPage(token, "replies", model);
  }

  @PostMapping("/subscriptions/replies")
  String stopReplies(@RequestParam(defaultValue = "") String token, Model model) {
    return answered("repliesStopped", api.stopReplies(token) == 200, model);
  }

  /**
   * The link of the mail that asks a commenter to confirm mails about a post's comments (every
   * comment, or replies to theirs): a page with a button, so that a link scanner opening it
   * confirms nothing.
   */
  @GetMapping("/subscriptions/comments")
  String confirmCommentMailsPage(@RequestParam(defaultValue = "") String token, Model model) {
    return buttonPage(token, "follow", model);
  }

  @PostMapping("/subscriptions/comments")
  String confirmCommentMails(@RequestParam(defaultValue = "") String token, Model model) {
    var confirmed = api.confirmCommentMails(token);
    return answered(
        confirmed.filter("REPLIES"::equals).isPresent() ? "hearingOfReplies" : "following",
        confirmed.isPresent(),
        model);
  }

  /**
   * The link, in the mail that asks to confirm comment mails, for whoever did not ask, and in reply
   * and follow-up mails beside the stop of their post: a page whose button stops every comment mail
   * of the blog to the address, for good.
   */
  @GetMapping("/subscriptions/comments/never")
  String neverCommentMailsPage(@RequestParam(defaultValue = "") String token, Model model) {
    return buttonPage(token, "never", model);
  }

  @PostMapping("/subscriptions/comments/never")
  String neverCommentMails(@RequestParam(defaultValue = "") String token, Model model) {
    return answered("neverAgain", api.stopReplies(token) == 200, model);
  }

  @GetMapping("/subscriptions/preferences")
  String preferences(@RequestParam(defaultValue = "") String token, Model model) {
    var current = api.preferences(token);
    model.addAttribute("token", token);
    model.addAttribute("action", current.isPresent() ? "preferences" : "invalid");
    current.ifPresent(
        prefs -> {
          model.addAttribute("email", prefs.path("email").asString());
          model.addAttribute("chosenTags", textList(prefs.path("tags")));
          model.addAttribute("paused", prefs.path("paused").asBoolean());
          model.addAttribute("frequency", prefs.path("frequency").asString("INSTANTLY"));
          var digests = prefs.path("digests");
          model.addAttribute("digestTime", digests.path("time").asString("08:00"));
          model.addAttribute("digestDay", dayName(digests.path("day").asString("MONDAY")));
          model.addAttribute("digestZone", digests.path("zone").asString("UTC"));
        });
    model.addAttribute("allTags", api.tagCounts());
    return "subscription";
  }

  @PostMapping("/subscriptions/preferences")
  String savePreferences(
      @RequestParam(defaultValue = "") String token,
      @RequestParam(required = false) List<String> tags,
      @RequestParam(defaultValue = "false") boolean paused,
      @RequestParam(required = false) String frequency,
      Model model) {
    int status = api.updatePreferences(token, tags == null ? List.of() : tags, paused, frequency);
    model.addAttribute("action", "saved");
    model.addAttribute("ok", status == 200);
    return "subscription";
  }

  /**
   * Why a comment was refused, in the blog's language (the API's own text is English): the key of
   * the words for each kind of refusal a reader can meet.
   */
  private static String refusal(String problemType) {
    return switch (String.valueOf(problemType)) {
      case "validation", "bad-request" -> "form.invalid";
      case "comments-closed" -> "comments.closed";
      case "rate-limited" -> "form.tooFast";
      case "post-not-found" -> "form.postGone";
      case "parent-not-found" -> "form.parentGone";
      default -> "form.failed";
    };
  }

  /** "MONDAY" → "Monday", in the blog's language ("Montag", "lundi"). */
  private String dayName(String day) {
    try {
      return java.time.DayOfWeek.valueOf(day)
          .getDisplayName(java.time.format.TextStyle.FULL, site.locale());
    } catch (IllegalArgumentException unknown) {
      return day;
    }
  }

  private static List<String> textList(tools.jackson.databind.JsonNode array) {
    var values = new java.util.ArrayList<String>();
    array.forEach(value -> values.add(value.asString()));
    return values;
  }

  /** The reader's address chain as the gateway passed it on, for the API's per-client limits. */
  private static String forwardedFor(HttpServletRequest request) {
    return request.getHeader("X-Forwarded-For");
  }

  private static Instant instant(String value) {
    try {
      return value == null || value.isBlank() ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
