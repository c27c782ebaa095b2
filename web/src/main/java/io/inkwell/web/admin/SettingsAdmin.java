package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.token;

import io.inkwell.web.WebSettings;
import io.inkwell.web.reader.Site;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The blog's title and description (Blogger's Settings → Basic, Ghost's "Title and description"),
 * which every page's header, the feeds and search engines show, its language, time zone, accent
 * colour, icon and logo, and the header's links (Ghost's Navigation); admins change them.
 */
@Controller
class SettingsAdmin implements StaffPage {

  private final AdminApi api;
  private final Site site;
  private final String feedUrl;

  SettingsAdmin(AdminApi api, Site site, WebSettings settings) {
    this.api = api;
    this.site = site;
    this.feedUrl = settings.siteUrl() + "/feed.rss";
  }

  @GetMapping("/admin/settings")
  String settings(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @ModelAttribute("staff") StaffMember staff,
      Model model) {
    var answer = checked(api.site(token(client)));
    if (answer.ok()) {
      // never set: what the pages show now, the configured values
      model.addAttribute("title", answer.body().path("title").asString(site.blogName()));
      model.addAttribute(
          "description", answer.body().path("description").asString(site.blogDescription()));
      model.addAttribute("language", answer.body().path("language").asString(site.language()));
      model.addAttribute("languages", LANGUAGES);
      String zone = answer.body().path("timeZone").asString(site.timeZone().getId());
      model.addAttribute("timeZone", zone);
      model.addAttribute("timeZones", TimeZoneChoice.all(zone, Instant.now()));
      String accent = answer.body().path("accentColor").asString("");
      model.addAttribute("accentColor", accent.isEmpty() ? THEMES_ACCENT : accent);
      model.addAttribute("themesAccent", accent.isEmpty());
      model.addAttribute("icon", answer.body().path("icon").asString(""));
      model.addAttribute("logo", answer.body().path("logo").path("url").asString(""));
      model.addAttribute("feedContent", answer.body().path("feedContent").asString("FULL"));
      // the links there are, and room for a few more
      List<Map<String, String>> links = new ArrayList<>();
      answer
          .body()
          .path("navigation")
          .forEach(
              link ->
                  links.add(
                      Map.of(
                          "label", link.path("label").asString(""),
                          "url", link.path("url").asString(""))));
      int rows = Math.min(links.size() + 3, MAX_LINKS);
      while (links.size() < rows) {
        links.add(Map.of("label", "", "url", ""));
      }
      model.addAttribute("links", links);
      var podcast = answer.body().path("podcast");
      String subcategory = podcast.path("subcategory").asString("");
      model.addAttribute(
          "podcastCategory",
          podcast.path("category").asString("")
              + (subcategory.isEmpty() ? "" : SUBCATEGORY + subcategory));
      model.addAttribute("podcastExplicit", podcast.path("explicit").asBoolean(false));
      model.addAttribute("podcastSerial", podcast.path("serial").asBoolean(false));
      model.addAttribute("podcastCover", podcast.path("cover").asString(""));
      model.addAttribute("podcastEmail", podcast.path("email").asString(""));
      model.addAttribute("podcastApple", podcast.path("applePodcasts").asString(""));
      model.addAttribute("podcastSpotify", podcast.path("spotify").asString(""));
      model.addAttribute(
          "podcastCategories",
          podcastCategories(client, podcast.path("category").asString(""), subcategory));
      model.addAttribute("feedUrl", feedUrl);
    } else {
      model.addAttribute("error", answer.problem());
    }
    if (staff.isAdmin()) {
      var redirects = checked(api.redirects(token(client)));
      if (redirects.ok()) {
        model.addAttribute(
            "redirects",
            redirects
                .body()
                .path("items")
                .valueStream()
                .map(
                    each ->
                        new Redirect(
                            each.path("id").asString(),
                            each.path("from").asString(),
                            each.path("to").asString(),
                            each.path("permanent").asBoolean(true),
                            each.path("hits").asLong(0),
                            AdminApi.instant(each.path("lastHitAt").asString(null))))
                .toList());
      }
    }
    return "admin/settings";
  }

  /**
   * An address sent elsewhere, as the settings page lists it: with how often readers were sent on,
   * and when last, so that an admin sees which are still used.
   */
  public record Redirect(
      String id, String from, String to, boolean permanent, long hits, Instant lastHitAt) {}

  /**
   * A new redirect (Ghost's Redirects): readers who open {@code from}, where the blog has no page,
   * go to {@code to}; for good (301) unless the admin says it is for now (302).
   */
  @PostMapping("/admin/settings/redirects")
  String addRedirect(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(defaultValue = "false") boolean temporary,
      RedirectAttributes redirect) {
    var answer = checked(api.addRedirect(token(client), from.strip(), to.strip(), !temporary));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok()
            ? "Saved: " + answer.body().path("from").asString() + " leads to " + to.strip() + "."
            : answer.problem());
    return "redirect:/admin/settings#redirects";
  }

  /**
   * Ghost's {@code redirects.json} (Settings › Labs › Redirects): its exact addresses become
   * redirects here; the page says which of its patterns were left out, and why.
   */
  @PostMapping("/admin/settings/redirects/import")
  String importRedirects(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(name = "redirects", required = false) MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    if (file == null || file.isEmpty()) {
      redirect.addFlashAttribute("error", "Choose the redirects.json file Ghost gave you.");
      return "redirect:/admin/settings#redirects";
    }
    var answer = checked(api.importRedirects(token(client), file.getBytes()));
    if (!answer.ok()) {
      redirect.addFlashAttribute("error", answer.problem());
      return "redirect:/admin/settings#redirects";
    }
    int added = answer.body().path("added").asInt();
    List<String> skipped =
        answer
            .body()
            .path("skipped")
            .valueStream()
            .map(skip -> skip.path("from").asString() + " (" + skip.path("reason").asString() + ")")
            .toList();
    // a file of a thousand patterns: the first few, and how many more
    String leftOut =
        String.join("; ", skipped.subList(0, Math.min(skipped.size(), SKIPPED_SHOWN)))
            + (skipped.size() > SKIPPED_SHOWN
                ? " and " + (skipped.size() - SKIPPED_SHOWN) + " more"
                : "");
    redirect.addFlashAttribute(
        "message",
        "Imported "
            + added
            + (added == 1 ? " redirect" : " redirects")
            + (skipped.isEmpty() ? "." : "; left out: " + leftOut + "."));
    return "redirect:/admin/settings#redirects";
  }

  /** How many left-out redirects the page names after an import. */
  private static final int SKIPPED_SHOWN = 10;

  /** The redirects as Ghost's {@code redirects.json}, to download. */
  @GetMapping("/admin/settings/redirects.json")
  ResponseEntity<byte[]> exportRedirects(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client) {
    return api.exportRedirects(token(client))
        .asAttachment("redirects.json", MediaType.APPLICATION_JSON);
  }

  @PostMapping("/admin/settings/redirects/{id}/delete")
  String removeRedirect(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String from,
      RedirectAttributes redirect) {
    var answer = checked(api.removeRedirect(token(client), id));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok() ? "Removed: " + from + " leads nowhere now." : answer.problem());
    return "redirect:/admin/settings#redirects";
  }

  /** A language the blog may be written in: its BCP 47 tag and its English name. */
  public record Language(String tag, String name) {}

  /** Every language (and country's variant) Java formats dates in, by name: the form's choices. */
  private static final List<Language> LANGUAGES =
      Arrays.stream(Locale.getAvailableLocales())
          .filter(locale -> !locale.getLanguage().isEmpty() && locale.getVariant().isEmpty())
          // sr-Latn and sr-RS, not every script in every country
          .filter(locale -> locale.getScript().isEmpty() || locale.getCountry().isEmpty())
          .map(
              locale -> new Language(locale.toLanguageTag(), locale.getDisplayName(Locale.ENGLISH)))
          .distinct()
          .sorted(Comparator.comparing(Language::name))
          .toList();

  /**
   * A zone the blog may be in: its name in the IANA database and what its clocks say now ({@code
   * Europe/Berlin, now UTC+01:00}).
   */
  public record TimeZoneChoice(String id, String label) {

    /** The database's zones of places (not its aliases such as {@code US/Pacific}), and UTC. */
    private static final List<String> PLACES =
        ZoneId.getAvailableZoneIds().stream()
            .filter(
                id ->
                    id.equals("UTC")
                        || id.matches(
                            "(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian"
                                + "|Pacific)/.+"))
            .sorted()
            .toList();

    /** Every place's zone, and the blog's own first if it is none of them ({@code CET}). */
    static List<TimeZoneChoice> all(String current, Instant now) {
      List<TimeZoneChoice> choices = new ArrayList<>();
      if (!PLACES.contains(current)) {
        choices.add(of(current, now));
      }
      PLACES.forEach(id -> choices.add(of(id, now)));
      return choices;
    }

    private static TimeZoneChoice of(String id, Instant now) {
      try {
        ZoneOffset offset = ZoneId.of(id).getRules().getOffset(now);
        return new TimeZoneChoice(
            id, id + ", now UTC" + (offset.getTotalSeconds() == 0 ? "" : offset.getId()));
      } catch (DateTimeException unknownHere) {
        return new TimeZoneChoice(id, id);
      }
    }
  }

  /** The theme's accent on its light page, which the colour field starts from. */
  private static final String THEMES_ACCENT = "#8a3b12";

  /** As many as the API keeps. */
  private static final int MAX_LINKS = 12;

  /**
   * The header's links (Ghost's Navigation): rows of label and address, in order; a row left empty
   * is no link.
   */
  @PostMapping("/admin/settings/navigation")
  String navigation(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(name = "label", defaultValue = "") List<String> labels,
      @RequestParam(name = "url", defaultValue = "") List<String> urls,
      RedirectAttributes redirect) {
    List<Map<String, String>> links = new ArrayList<>();
    for (int i = 0; i < Math.max(labels.size(), urls.size()); i++) {
      String label = i < labels.size() ? labels.get(i).strip() : "";
      String url = i < urls.size() ? urls.get(i).strip() : "";
      if (!label.isEmpty() || !url.isEmpty()) {
        links.add(Map.of("label", label, "url", url));
      }
    }
    var answer = checked(api.changeNavigation(token(client), links));
    if (answer.ok()) {
      site.forgetIdentity();
      redirect.addFlashAttribute(
          "message",
          links.isEmpty()
              ? "Saved: the header shows the pages alone."
              : "Saved: the header shows "
                  + links.size()
                  + (links.size() == 1 ? " link" : " links")
                  + " after the pages.");
    } else {
      redirect.addFlashAttribute("error", answer.problem());
    }
    return "redirect:/admin/settings";
  }

  /**
   * Apple Podcasts' categories with their subcategories, as post-service takes them; while it does
   * not answer, the podcast's own category and subcategory alone, so that saving keeps them.
   */
  private Map<String, List<String>> podcastCategories(
      OAuth2AuthorizedClient client, String current, String currentSubcategory) {
    var answer = checked(api.podcastCategories(token(client)));
    var categories = new LinkedHashMap<String, List<String>>();
    if (answer.ok()) {
      answer
          .body()
          .path("items")
          .forEach(
              category ->
                  categories.put(
                      category.path("name").asString(),
                      category
                          .path("subcategories")
                          .valueStream()
                          .map(sub -> sub.asString())
                          .toList()));
    } else if (!current.isEmpty()) {
      categories.put(
          current, currentSubcategory.isEmpty() ? List.of() : List.of(currentSubcategory));
    }
    return categories;
  }

  /** How a subcategory's choice names it after its category: "Arts › Books". */
  static final String SUBCATEGORY = " › ";

  /**
   * The blog as a podcast: a category, perhaps with its subcategory ("Arts › Books"; none: not a
   * podcast), whether it is for adults, whether its episodes are heard in order (serial), its
   * artwork (uploaded to the library first, as the icon is; none chosen: the one it has), the
   * address directories write to, and its pages in Apple Podcasts and Spotify once listed there.
   */
  @PostMapping("/admin/settings/podcast")
  String podcast(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String category,
      @RequestParam(defaultValue = "false") boolean explicit,
      @RequestParam(defaultValue = "false") boolean serial,
      @RequestParam(defaultValue = "") String cover,
      @RequestParam(name = "coverFile", required = false) MultipartFile coverFile,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String applePodcasts,
      @RequestParam(defaultValue = "") String spotify,
      RedirectAttributes redirect)
      throws IOException {
    List<String> added = new ArrayList<>();
    if (!category.isBlank() && coverFile != null && !coverFile.isEmpty()) {
      var uploaded =
          checked(
              api.uploadImage(
                  token(client), coverFile.getOriginalFilename(), coverFile.getBytes()));
      if (!uploaded.ok()) {
        redirect.addFlashAttribute("error", uploaded.problem());
        return "redirect:/admin/settings#podcast";
      }
      AdminApi.added(uploaded).ifPresent(added::add);
      cover = uploaded.body().path("url").asString();
    }
    int split = category.indexOf(SUBCATEGORY);
    String subcategory = split < 0 ? "" : category.substring(split + SUBCATEGORY.length());
    var answer =
        checked(
            api.changePodcast(
                token(client),
                new AdminApi.Podcast(
                    split < 0 ? category : category.substring(0, split),
                    subcategory,
                    explicit,
                    serial,
                    cover,
                    email,
                    applePodcasts,
                    spotify)));
    if (answer.ok()) {
      site.forgetIdentity(); // the header's "Listen" line
      redirect.addFlashAttribute(
          "message",
          category.isBlank()
              ? "Saved: the blog is no podcast; its feeds are a blog's."
              : "Saved: the blog's RSS feed is a podcast's, for Apple Podcasts and Spotify.");
    } else {
      api.withdraw(token(client), added);
      redirect.addFlashAttribute("error", answer.problem());
    }
    return "redirect:/admin/settings#podcast";
  }

  @PostMapping("/admin/settings")
  String change(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(defaultValue = "") String language,
      @RequestParam(defaultValue = "") String timeZone,
      @RequestParam(required = false) String accentColor,
      @RequestParam(defaultValue = "false") boolean themesAccent,
      @RequestParam(defaultValue = "false") boolean removeIcon,
      @RequestParam(name = "iconFile", required = false) MultipartFile iconFile,
      @RequestParam(defaultValue = "false") boolean removeLogo,
      @RequestParam(name = "logoFile", required = false) MultipartFile logoFile,
      @RequestParam(required = false) String feedContent,
      RedirectAttributes redirect)
      throws IOException {
    // the box ticked: the theme's own colour, whatever the colour field says
    String accent = themesAccent ? "" : accentColor;
    // a picture chosen goes to the blog's library first (as a profile's does); none: as it was
    String icon = removeIcon ? "" : null;
    String logo = removeLogo ? "" : null;
    var added = new ArrayList<String>();
    for (MultipartFile chosen : new MultipartFile[] {iconFile, logoFile}) {
      if (chosen == null || chosen.isEmpty()) {
        continue;
      }
      var uploaded =
          checked(api.uploadImage(token(client), chosen.getOriginalFilename(), chosen.getBytes()));
      if (!uploaded.ok()) {
        api.withdraw(token(client), added);
        redirect.addFlashAttribute("error", uploaded.problem());
        return "redirect:/admin/settings";
      }
      AdminApi.added(uploaded).ifPresent(added::add);
      String address = uploaded.body().path("url").asString();
      if (chosen == iconFile) {
        icon = address;
      } else {
        logo = address;
      }
    }
    var answer =
        checked(
            api.changeSite(
                token(client),
                title,
                description,
                language,
                timeZone,
                accent,
                icon,
                logo,
                feedContent));
    if (answer.ok()) {
      site.forgetIdentity();
      redirect.addFlashAttribute(
          "message", "Saved: the blog is now “" + answer.body().path("title").asString() + "”.");
    } else {
      api.withdraw(token(client), added);
      redirect.addFlashAttribute("error", answer.problem());
    }
    return "redirect:/admin/settings";
  }
}
