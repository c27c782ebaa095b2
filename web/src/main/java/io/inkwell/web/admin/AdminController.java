package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.token;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/**
 * The author admin's posts: posts by state and the editor (save, preview, publish, schedule,
 * unpublish, delete). Each page offers only what the role may do; the services decide again.
 */
@Controller
class AdminController implements StaffPage {

  private static final Set<String> STATES =
      Set.of("DRAFT", "REVIEW", "SCHEDULED", "PUBLISHED", "TRASHED");

  /** What a duplicate's title ends with, within the longest title the API takes. */
  private static final String COPY = " (copy)";

  /** The days the editor's view chart shows, today last. */
  static final int VIEW_DAYS = 30;

  private static final int MAX_TITLE = 300;

  private final AdminApi api;
  private final io.inkwell.web.WebSettings settings;
  private final io.inkwell.web.reader.Dates dates;
  private final io.inkwell.web.api.BlogApi blog;
  private final io.inkwell.web.reader.Site site;
  private final io.inkwell.web.reader.Callouts callouts;

  AdminController(
      AdminApi api,
      io.inkwell.web.WebSettings settings,
      io.inkwell.web.reader.Dates dates,
      io.inkwell.web.api.BlogApi blog,
      io.inkwell.web.reader.Site site,
      io.inkwell.web.reader.Callouts callouts) {
    this.site = site;
    this.callouts = callouts;
    this.dates = dates;
    this.api = api;
    this.settings = settings;
    this.blog = blog;
  }

  /**
   * The posts in one state, newest change first, found by a word, a tag, or (for editors, who see
   * everyone's) their own only, as Ghost's post list filters them. It opens on the drafts, or on
   * the published posts when there are no drafts (a blog just imported), as WordPress's opens on
   * all of them rather than on an empty page.
   */
  @GetMapping("/admin")
  String posts(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "") String tag,
      @RequestParam(defaultValue = "false") boolean mine,
      @ModelAttribute("staff") StaffMember staff,
      Model model) {
    String state = status != null && STATES.contains(status) ? status : "DRAFT";
    var filter = new AdminApi.PostFilter(q.strip(), tag.strip(), mine ? staff.id() : "");
    var answer = checked(api.postsInStatus(token(client), state, filter, cursor));
    if (status == null
        && cursor == null
        && !filter.any()
        && answer.ok()
        && answer.body().path("items").isEmpty()) {
      state = "PUBLISHED";
      answer = checked(api.postsInStatus(token(client), state, filter, null));
    }
    model.addAttribute("status", state);
    model.addAttribute("q", filter.text());
    model.addAttribute("tag", filter.tag());
    model.addAttribute("mine", mine);
    model.addAttribute("filtered", filter.any());
    model.addAttribute("posts", answer.body().path("items"));
    if (state.equals("PUBLISHED")) {
      var ids =
          answer
              .body()
              .path("items")
              .valueStream()
              .map(post -> post.path("id").asString())
              .toList();
      // WordPress's comment bubble on each published post, asked once for the page
      model.addAttribute("comments", blog.commentCounts(ids).orElse(null));
      // and Jetpack's views beside it (Ghost's list shows them too)
      model.addAttribute("views", api.viewCounts(token(client), ids, VIEW_DAYS));
    }
    model.addAttribute("nextCursor", answer.body().path("nextCursor").asString(null));
    return "admin/posts";
  }

  @GetMapping("/admin/posts/new")
  String newPost(HttpSession session, Model model) {
    model.addAttribute("post", null);
    model.addAttribute(
        "form",
        new Form(
            null, "", "", "", "", "", null, null, true, false, "", "", "", "", "", "", "", ""));
    restoreUnsaved(session, "new", model);
    return "admin/editor";
  }

  @GetMapping("/admin/posts/{id}")
  String edit(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      @RequestParam(required = false) Long revision,
      @ModelAttribute("staff") StaffMember staff,
      HttpSession session,
      Model model) {
    var answer = checked(api.post(token(client), id));
    if (!answer.ok()) {
      model.addAttribute("error", answer.problem());
      return "admin/editor";
    }
    var post = answer.body();
    model.addAttribute("post", post);
    if ("TRASHED".equals(post.path("status").asString())) {
      // WordPress edits nothing in its trash: restore it, or delete it for good
      return "admin/trashed";
    }
    // "Put it in the editor" from a revision: its words, the post's current version to save over
    var words = post;
    if (revision != null) {
      var old = checked(api.revision(token(client), id, revision));
      if (old.ok()) {
        words = old.body();
        model.addAttribute(
            "message",
            "The revision of "
                + dates.timeOf(old.body().path("savedAt").asString())
                + " is in the editor. Save draft to make it the post's text again; the text it"
                + " replaces is kept as a revision.");
      } else {
        model.addAttribute("error", old.problem());
      }
    }
    model.addAttribute(
        "form",
        new Form(
            answer.etag(),
            words.path("title").asString(),
            words.path("bodyMarkdown").asString(),
            // the author's own excerpt only: the first words follow the body as it is edited
            words.path("customExcerpt").asString(""),
            String.join(", ", namedTags(words)),
            post.path("slug").asString(),
            dateFieldOf(post),
            datedFor(post),
            post.path("commentsOpen").asBoolean(true),
            post.path("page").asBoolean(false),
            post.path("cover").path("url").asString(""),
            post.path("cover").path("alt").asString(""),
            post.path("metaTitle").asString(""),
            post.path("metaDescription").asString(""),
            post.path("canonicalUrl").asString(""),
            numberIn(post, "seasonNumber"),
            numberIn(post, "episodeNumber"),
            post.path("episodeType").asString("")));
    restoreUnsaved(session, id, model);
    boolean mailed =
        post.path("mailSubscribers").asBoolean(true) && !post.path("page").asBoolean(false);
    if ("PUBLISHED".equals(post.path("status").asString()) && mailed && staff.isEditor()) {
      var deliveries = api.deliveries(token(client), id);
      model.addAttribute("deliveries", deliveries.ok() ? deliveries.body() : null);
    }
    var views = api.views(token(client), id, VIEW_DAYS);
    if (views.ok()
        && ("PUBLISHED".equals(post.path("status").asString())
            || views.body().path("total").asLong() > 0)) {
      model.addAttribute("views", ViewChart.of(views.body()));
    }
    if ("PUBLISHED".equals(post.path("status").asString()) && staff.isEditor()) {
      // WordPress's comment count beside a post, leading to its comments
      model.addAttribute("commentsShown", commentTotal(token(client), "APPROVED", id));
      model.addAttribute("commentsWaiting", commentTotal(token(client), "PENDING", id));
    }
    return "admin/editor";
  }

  /** How many of the post's comments have this status; null when it cannot be had. */
  private Long commentTotal(String token, String status, String postId) {
    var answer = api.commentQueue(token, status, postId);
    return answer.ok() ? answer.body().path("total").asLong() : null;
  }

  /**
   * A scheduled post's time, or a published one's date, as the editor's date-time field shows it,
   * to the minute in the blog's zone.
   */
  private String dateFieldOf(tools.jackson.databind.JsonNode post) {
    String status = post.path("status").asString();
    return "SCHEDULED".equals(status)
        ? minuteOf(post.path("publishAt").asString(null))
        : "PUBLISHED".equals(status) ? datedFor(post) : null;
  }

  /** A published post's date as the field showed it, to tell whether the author changed it. */
  private String datedFor(tools.jackson.databind.JsonNode post) {
    return "PUBLISHED".equals(post.path("status").asString())
        ? minuteOf(post.path("publishedAt").asString(null))
        : null;
  }

  private String minuteOf(String instant) {
    var at = AdminApi.instant(instant);
    return at == null
        ? null
        : LocalDateTime.ofInstant(at, site.timeZone()).truncatedTo(ChronoUnit.MINUTES).toString();
  }

  /** One form, several buttons: {@code action} says which was pressed. */
  @PostMapping({"/admin/posts", "/admin/posts/{id}"})
  String save(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable(required = false) String id,
      @RequestParam String action,
      @RequestParam(defaultValue = "true") String mailSubscribers,
      @ModelAttribute Form form,
      Model model,
      RedirectAttributes redirect) {
    String token = token(client);
    var draft = form.draft(site.timeZone());
    if (action.equals("preview")) {
      var preview = checked(api.preview(token, draft));
      model.addAttribute("form", form);
      model.addAttribute("post", id == null ? null : api.post(token, id).body());
      model.addAttribute(
          preview.ok() ? "previewHtml" : "error",
          preview.ok()
              ? callouts.titled(preview.body().path("bodyHtml").asString())
              : preview.problem());
      return "admin/editor";
    }
    if (action.equals("unpublish") || action.equals("unschedule")) {
      var answer = checked(api.unpublish(token, id));
      redirect.addFlashAttribute(
          "message",
          !answer.ok()
              ? answer.problem()
              : action.equals("unschedule")
                  ? "Unscheduled: it is a draft again."
                  : "Unpublished: it is a draft again.");
      return "redirect:/admin/posts/" + id;
    }
    var saved =
        checked(id == null ? api.create(token, draft) : api.update(token, id, form.etag(), draft));
    if (saved.status() == HttpStatus.PRECONDITION_FAILED.value() && id != null) {
      return savedMeanwhile(token, id, form, model);
    }
    if (!saved.ok()) {
      model.addAttribute("form", form);
      model.addAttribute("post", id == null ? null : api.post(token, id).body());
      model.addAttribute("error", saved.problem());
      return "admin/editor";
    }
    String savedId = saved.body().path("id").asString();
    String message = "Saved.";
    if (action.equals("submit")) {
      var submitted = checked(api.submitForReview(token, savedId));
      message =
          submitted.ok()
              ? "Saved and submitted for review: the editors find it among the drafts that wait."
              : submitted.problem();
    }
    if (action.equals("publish") || action.equals("schedule")) {
      var at = action.equals("schedule") ? form.publishAtInstant(site.timeZone()) : null;
      if (action.equals("schedule") && at == null) {
        message = "Saved. Choose a date and time to schedule it.";
      } else {
        boolean mail = !"false".equals(mailSubscribers);
        var published = checked(api.publish(token, savedId, at, mail));
        // a time that has come publishes now: the post says so, not "Scheduled"
        boolean waits =
            published.body() != null
                && "SCHEDULED".equals(published.body().path("status").asString());
        message =
            !published.ok()
                ? published.problem()
                : (waits ? "Scheduled" : "Published") + (mail ? "." : ", without mail.");
      }
    }
    redirect.addFlashAttribute("message", message);
    return "redirect:/admin/posts/" + savedId;
  }

  /**
   * Someone saved the post after this author opened it (another tab, another editor): their text
   * stays in the editor, the saved one is shown above it, and the form now carries the saved
   * version, so that saving again, having looked, replaces it; the replaced text stays among the
   * revisions. Nothing is overwritten unseen.
   */
  private String savedMeanwhile(String token, String id, Form form, Model model) {
    var current = checked(api.post(token, id));
    model.addAttribute("form", current.ok() ? form.withEtag(current.etag()) : form);
    model.addAttribute("post", current.ok() ? current.body() : null);
    if (!current.ok()) {
      model.addAttribute("error", current.problem());
      return "admin/editor";
    }
    model.addAttribute("theirs", current.body());
    model.addAttribute(
        "error",
        "Someone saved this post at "
            + dates.timeOf(current.body().path("updatedAt").asString())
            + ", after you opened it. Their text is just below and yours still in the editor:"
            + " take from theirs what should stay, then save again to replace it with yours"
            + " (theirs stays among the revisions).");
    return "admin/editor";
  }

  /** Ghost's "Preview" link: the editor shows the address to send to whoever should read it. */
  @PostMapping("/admin/posts/{id}/preview-link")
  String previewLink(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      RedirectAttributes redirect) {
    var answer = checked(api.previewLink(token(client), id));
    if (answer.ok()) {
      redirect.addFlashAttribute(
          "previewLink", settings.siteUrl() + answer.body().path("path").asString());
    } else {
      redirect.addFlashAttribute("error", answer.problem());
    }
    return "redirect:/admin/posts/" + id;
  }

  /** Ghost's "Feature this post": shown first on the home page, or not any more. */
  @PostMapping("/admin/posts/{id}/feature")
  String feature(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      @RequestParam(defaultValue = "true") boolean featured,
      RedirectAttributes redirect) {
    var answer = checked(api.feature(token(client), id, featured));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        !answer.ok()
            ? answer.problem()
            : featured ? "Featured: it is shown first on the home page." : "No longer featured.");
    return "redirect:/admin/posts/" + id;
  }

  /**
   * Ghost's "Duplicate": a new draft with the post's words, excerpt, tags, settings and cover as
   * last saved, under the author who asks (a contributor may copy what they may read).
   */
  @PostMapping("/admin/posts/{id}/duplicate")
  String duplicate(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      RedirectAttributes redirect) {
    String token = token(client);
    var original = checked(api.post(token, id));
    var copy = original.ok() ? checked(api.create(token, copyOf(original.body()))) : original;
    if (!copy.ok()) {
      redirect.addFlashAttribute("error", copy.problem());
      return "redirect:/admin/posts/" + id;
    }
    redirect.addFlashAttribute(
        "message",
        "A copy of “"
            + original.body().path("title").asString()
            + "”: a new draft, for you to change and publish.");
    return "redirect:/admin/posts/" + copy.body().path("id").asString();
  }

  private static AdminApi.Draft copyOf(tools.jackson.databind.JsonNode post) {
    String title = post.path("title").asString();
    // the API takes titles of up to 300 characters
    String copyTitle =
        (title.length() > MAX_TITLE - COPY.length()
                ? title.substring(0, MAX_TITLE - COPY.length())
                : title)
            + COPY;
    return new AdminApi.Draft(
        copyTitle,
        post.path("bodyMarkdown").asString(""),
        post.path("customExcerpt").asString(""),
        namedTags(post),
        null,
        post.path("commentsOpen").asBoolean(true),
        post.path("page").asBoolean(false),
        post.path("cover").path("url").asString(""),
        post.path("cover").path("alt").asString(""),
        post.path("metaTitle").asString(null),
        post.path("metaDescription").asString(null),
        null,
        null,
        null,
        null,
        null);
  }

  /** A number of the post's as its field shows it: empty for none. */
  private static String numberIn(tools.jackson.databind.JsonNode post, String field) {
    return post.path(field).isNumber() ? String.valueOf(post.path(field).asLong()) : "";
  }

  /** The live preview's fragment, for the editor's script (the no-script way is the button). */
  @PostMapping("/admin/preview")
  String livePreview(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @ModelAttribute Form form,
      Model model) {
    // Not checked(): a preview must never sign the person out under their unsaved text; the next
    // save does that, and keeps the text.
    var preview = api.preview(token(client), form.draft());
    String html = "";
    if (preview.ok()) {
      html = callouts.titled(preview.body().path("bodyHtml").asString());
    } else if (preview.status() == 401) {
      html =
          "<p><em>Your sign-in ran out: save, and your text is kept while you sign in again.</em></p>";
    } else if (preview.status() >= 400 && preview.status() < 500) {
      // what saving would be told (a body too large or nested too deeply), as the author types
      html = "<p role=\"alert\"><em>" + HtmlUtils.htmlEscape(preview.problem()) + "</em></p>";
    }
    model.addAttribute("previewHtml", html);
    return "admin/editor :: preview";
  }

  private static void restoreUnsaved(HttpSession session, String id, Model model) {
    if (session.getAttribute(StaffPages.UNSAVED) instanceof Unsaved unsaved
        && unsaved.id().equals(id)) {
      session.removeAttribute(StaffPages.UNSAVED);
      model.addAttribute("form", unsaved.form());
      model.addAttribute("message", "Your sign-in had run out. Your text is back: save it again.");
    }
  }

  /** Editor text that could not be saved because the sign-in ran out. */
  record Unsaved(String id, Form form) implements java.io.Serializable {}

  /**
   * A post's tags as readers are shown them ("WPC"), so that the editor shows them so; a revision's
   * tags as they are.
   */
  private static List<String> namedTags(tools.jackson.databind.JsonNode post) {
    var tags = post.has("tagNames") ? post.path("tagNames") : post.path("tags");
    return tags.valueStream().map(tools.jackson.databind.JsonNode::asString).toList();
  }

  /**
   * The editor's fields; tags are comma-separated, {@code publishAt} a local date-time in the
   * blog's zone, {@code commentsOpen} WordPress's "Allow comments" of this post, {@code page}
   * whether it is a page (About, Contact) rather than a post, {@code coverImage} the address of the
   * picture at its head (empty: none) and {@code coverAlt} what that picture shows; {@code
   * metaTitle}, {@code metaDescription} and {@code canonicalUrl} what search engines and shared
   * links show instead of its own (empty: its own); {@code seasonNumber}, {@code episodeNumber} and
   * {@code episodeType} what podcast directories show of its episode (empty: none, a whole
   * episode). A published post's {@code publishAt} is its date, {@code publishedAtWas} the date the
   * editor showed: a different one dates the post anew.
   */
  record Form(
      String etag,
      String title,
      String body,
      String excerpt,
      String tags,
      String slug,
      String publishAt,
      String publishedAtWas,
      Boolean commentsOpen,
      Boolean page,
      String coverImage,
      String coverAlt,
      String metaTitle,
      String metaDescription,
      String canonicalUrl,
      String seasonNumber,
      String episodeNumber,
      String episodeType)
      implements java.io.Serializable {

    AdminApi.Draft draft() {
      return draft(null);
    }

    /** The same fields, to be saved over the post's version {@code etag}. */
    Form withEtag(String etag) {
      return new Form(
          etag,
          title,
          body,
          excerpt,
          tags,
          slug,
          publishAt,
          publishedAtWas,
          commentsOpen,
          page,
          coverImage,
          coverAlt,
          metaTitle,
          metaDescription,
          canonicalUrl,
          seasonNumber,
          episodeNumber,
          episodeType);
    }

    /** The draft, with the published post's new date when the author changed it. */
    AdminApi.Draft draft(ZoneId zone) {
      List<String> tagList =
          tags == null
              ? List.of()
              : Arrays.stream(tags.split(","))
                  .map(String::strip)
                  .filter(t -> !t.isEmpty())
                  .toList();
      return new AdminApi.Draft(
          title,
          body,
          excerpt,
          tagList,
          slug,
          commentsOpen,
          page,
          coverImage,
          coverAlt,
          metaTitle,
          metaDescription,
          canonicalUrl,
          seasonNumber,
          episodeNumber,
          episodeType,
          zone == null
                  || publishedAtWas == null
                  || publishedAtWas.isBlank()
                  || publishedAtWas.equals(publishAt)
              ? null
              : publishAtInstant(zone));
    }

    java.time.Instant publishAtInstant(ZoneId zone) {
      try {
        return publishAt == null || publishAt.isBlank()
            ? null
            : LocalDateTime.parse(publishAt).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }
}
