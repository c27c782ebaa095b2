package io.inkwell.posts.site;

import io.inkwell.posts.post.web.Actors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The blog's title and description, for every page's header and the feeds; admins change them. */
@RestController
class SiteController {

  private final Sites sites;
  private final Podcasts podcasts;

  SiteController(Sites sites, Podcasts podcasts) {
    this.sites = sites;
    this.podcasts = podcasts;
  }

  @GetMapping("/api/site")
  ResponseEntity<SiteResponse> site() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic())
        .body(SiteResponse.of(sites.current()));
  }

  @PutMapping(path = "/api/site", consumes = MediaType.APPLICATION_JSON_VALUE)
  SiteResponse change(@AuthenticationPrincipal Jwt token, @Valid @RequestBody SiteRequest request) {
    return SiteResponse.of(
        sites.change(
            new SiteChange(
                request.title(),
                request.description(),
                request.language(),
                request.timeZone(),
                request.accentColor(),
                request.icon(),
                request.logo(),
                request.feedContent()),
            Actors.of(token)));
  }

  /**
   * The links every page's header shows beside the pages (admins): the whole list, in order, at
   * most 12; each a label and a path here or an http or https address.
   */
  @PutMapping(path = "/api/site/navigation", consumes = MediaType.APPLICATION_JSON_VALUE)
  SiteResponse navigate(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody NavigationRequest request) {
    return SiteResponse.of(
        sites.navigate(
            request.items().stream()
                .map(link -> new SiteIdentity.NavigationLink(link.label(), link.url()))
                .toList(),
            Actors.of(token)));
  }

  /**
   * The blog as a podcast (admins): its RSS feeds carry the iTunes tags Apple Podcasts and Spotify
   * read; with no category, it is no longer one.
   */
  @PutMapping(path = "/api/site/podcast", consumes = MediaType.APPLICATION_JSON_VALUE)
  SiteResponse podcast(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody PodcastRequest request) {
    podcasts.change(
        request.category(),
        request.subcategory(),
        Boolean.TRUE.equals(request.explicit()),
        Boolean.TRUE.equals(request.serial()),
        request.cover(),
        request.email(),
        new Podcasts.Listings(request.applePodcasts(), request.spotify()),
        Actors.of(token));
    return SiteResponse.of(sites.current());
  }

  /**
   * Apple Podcasts' categories with their subcategories, in Apple's order: the choices {@code PUT
   * /api/site/podcast} takes, for an admin's form (public, as Apple's list is).
   */
  @GetMapping("/api/site/podcast/categories")
  CategoriesResponse podcastCategories() {
    return new CategoriesResponse(
        Podcasts.CATEGORIES.entrySet().stream()
            .map(category -> new CategoryResponse(category.getKey(), category.getValue()))
            .toList());
  }

  record CategoriesResponse(List<CategoryResponse> items) {}

  record CategoryResponse(String name, List<String> subcategories) {}

  /**
   * @param category one of Apple Podcasts' categories; empty or left out, no podcast
   * @param subcategory one of that category's subcategories; empty or left out, none
   * @param cover the address Images gives a square JPEG or PNG of 1400 to 3000 pixels
   * @param email shown in the feed, where directories write to confirm the podcast; may be left out
   * @param serial whether its episodes are heard in order, oldest first, as a story's (Apple's
   *     {@code serial}); left out, each stands alone, newest first ({@code episodic})
   * @param applePodcasts its page in Apple Podcasts ({@code
   *     https://podcasts.apple.com/us/podcast/{name}/id{number}}), once listed; the reader site
   *     links it
   * @param spotify its show's page in Spotify ({@code https://open.spotify.com/show/{id}}), once
   *     listed; the reader site links it
   */
  record PodcastRequest(
      @Size(max = 100) String category,
      @Size(max = 100) String subcategory,
      Boolean explicit,
      Boolean serial,
      @Size(max = 300) String cover,
      @Size(max = 300) String email,
      @Size(max = 500) String applePodcasts,
      @Size(max = 500) String spotify) {}

  record NavigationRequest(@NotNull @Size(max = 12) List<@Valid @NotNull LinkRequest> items) {}

  record LinkRequest(
      @NotNull @Size(min = 1, max = 50) String label,
      @NotNull
          @Size(max = 500)
          @Pattern(
              // a path of this blog (not "//elsewhere"), or an http or https address
              regexp = "\\s*(/(?![/\\\\])\\S*|[hH][tT][tT][pP][sS]?://[^\\s<>\"]+)\\s*",
              message = "must be a path of this blog (/tags/travel) or an http or https address")
          String url) {}

  @ExceptionHandler({
    Sites.NoTitle.class,
    Sites.NoLabel.class,
    LanguageTags.Invalid.class,
    TimeZones.Invalid.class,
    Sites.NoColor.class,
    Sites.NotAnIcon.class,
    Sites.NotALogo.class,
    Sites.NoFeedContent.class,
    Podcasts.Invalid.class
  })
  ProblemDetail noTitle(RuntimeException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setType(URI.create("https://inkwell.dev/problems/validation"));
    problem.setTitle("Invalid request");
    return problem;
  }

  /** Other admins saving again and again while this one tried: rare enough to ask for a retry. */
  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail keptChanging(OptimisticLockingFailureException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setType(URI.create("https://inkwell.dev/problems/conflict"));
    problem.setTitle("Changed by someone else");
    return problem;
  }

  /**
   * @param language left out, the blog's language stays as it is (a client that knows nothing of
   *     languages changes none)
   * @param timeZone left out, the blog's zone stays as it is, alike
   * @param accentColor left out, the colour stays as it is; empty, the theme's own again
   * @param icon the address Images gives a square picture of 60 to 1000 pixels ({@code
   *     /api/images/{id}}); left out, the icon stays as it is; empty, the platform's own again
   * @param logo the address Images gives a picture at least 40 pixels high and one to ten times as
   *     wide; left out, the logo stays as it is; empty, the blog's name in letters again
   * @param feedContent {@code FULL}, each entry of the feeds the whole post, or {@code EXCERPT},
   *     its excerpt only; left out, as it is
   */
  record SiteRequest(
      @NotNull @Size(min = 1, max = 100) String title,
      @NotNull @Size(max = 300) String description,
      String language,
      String timeZone,
      String accentColor,
      @Size(max = 300) String icon,
      @Size(max = 300) String logo,
      @Size(max = 20) String feedContent) {}

  record SiteResponse(
      String title,
      String description,
      List<SiteIdentity.NavigationLink> navigation,
      String language,
      String direction,
      String timeZone,
      String accentColor,
      String icon,
      LogoResponse logo,
      PodcastResponse podcast,
      SiteIdentity.FeedContent feedContent) {

    static SiteResponse of(SiteIdentity identity) {
      return new SiteResponse(
          identity.title(),
          identity.description(),
          identity.navigation(),
          identity.language(),
          identity.direction(),
          identity.timeZone(),
          identity.accentColor(),
          identity.iconUrl(),
          identity.logo() == null
              ? null
              : new LogoResponse(
                  identity.logo().url(), identity.logo().width(), identity.logo().height()),
          PodcastResponse.of(identity.podcast()),
          identity.feedContent());
    }
  }

  /** The blog as a podcast; null while it is none. */
  record PodcastResponse(
      String category,
      String subcategory,
      boolean explicit,
      boolean serial,
      String cover,
      String email,
      String applePodcasts,
      String spotify) {

    static PodcastResponse of(SiteIdentity.Podcast podcast) {
      return podcast == null
          ? null
          : new PodcastResponse(
              podcast.category(),
              podcast.subcategory(),
              podcast.explicit(),
              podcast.serial(),
              podcast.coverUrl(),
              podcast.email(),
              podcast.applePodcasts(),
              podcast.spotify());
    }
  }

  /** The logo as pages show it: where it is, and how large, so that they keep its room. */
  record LogoResponse(String url, int width, int height) {}
}
