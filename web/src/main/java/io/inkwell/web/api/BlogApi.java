package io.inkwell.web.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.inkwell.web.WebSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * The public API of API.md, through the gateway, as the reader site uses it. Error answers are not
 * read as data: a missing post is an empty lookup, a failed list an empty page. Form posts carry
 * the reader's address chain (X-Forwarded-For) for the gateway's per-client limits.
 */
@Component
public class BlogApi {

  private static final ParameterizedTypeReference<JsonNode> JSON =
      new ParameterizedTypeReference<>() {};

  private final RestClient http;
  private final String baseUrl;

  BlogApi(RestClient.Builder builder, WebSettings settings) {
    this.baseUrl = settings.apiUrl();
    this.http =
        builder
            .baseUrl(settings.apiUrl())
            .requestFactory(ApiConnections.requestFactory(settings.apiTimeout()))
            .defaultStatusHandler(status -> true, (request, response) -> {})
            .build();
  }

  /** A post by slug, the slug it moved to, or neither. */
  public record Lookup(Post post, String movedTo) {}

  /**
   * What became of a comment the reader sent.
   *
   * @param problemType the last part of the problem's type when it was refused ({@code
   *     duplicate-comment}), else null
   */
  public record Posted(int status, String commentStatus, String problemType) {

    /** The blog has these words from this address on this post already: sent twice. */
    public boolean sentBefore() {
      return status == 409 && "duplicate-comment".equals(problemType);
    }
  }

  public Page<Post> posts(Map<String, String> filter, int limit, String cursor) {
    var query = new LinkedHashMap<String, Object>(filter);
    query.put("limit", limit);
    query.put("cursor", cursor);
    return read(ApiUris.of("/api/posts", query), new ParameterizedTypeReference<Page<Post>>() {})
        .orElse(new Page<>(List.of(), null));
  }

  public Lookup post(String slug) {
    return http.get()
        .uri("/api/posts/{slug}", slug)
        .exchange(
            (request, response) -> {
              if (response.getStatusCode().value() == HttpStatus.MOVED_PERMANENTLY.value()) {
                URI location = response.getHeaders().getLocation();
                String path = location == null ? "" : location.getPath();
                return new Lookup(null, path.substring(path.lastIndexOf('/') + 1));
              }
              if (response.getStatusCode().is5xxServerError()) {
                throw new ApiUnavailable(
                    request.getURI().getPath(), response.getStatusCode().value());
              }
              if (!response.getStatusCode().is2xxSuccessful()) {
                return new Lookup(null, null);
              }
              return new Lookup(response.bodyTo(Post.class), null);
            });
  }

  /** The post a secret preview link shows (a draft, scheduled or published post), if any. */
  public Optional<Post> preview(String key) {
    return read(path("/api/posts/preview/{key}", key), new ParameterizedTypeReference<Post>() {});
  }

  /**
   * How many comments readers see on each of these posts, asked once for a page of them; a post the
   * answer leaves out counts none. Empty while comment-service cannot say: the posts can be listed
   * without their counts, which are not to be shown as none.
   */
  public Optional<Map<String, Long>> commentCounts(List<String> postIds) {
    if (postIds.isEmpty()) {
      return Optional.of(Map.of());
    }
    var query = UriComponentsBuilder.fromPath("/api/comments/counts");
    postIds.forEach(id -> query.queryParam("postId", UriUtils.encode(id, StandardCharsets.UTF_8)));
    var counts = new java.util.HashMap<String, Long>();
    try {
      read(query.build(true).toUriString(), JSON)
          .ifPresent(
              answer ->
                  answer
                      .path("counts")
                      .propertyStream()
                      .forEach(count -> counts.put(count.getKey(), count.getValue().asLong())));
    } catch (RestClientException unavailable) {
      return Optional.empty();
    }
    return Optional.of(counts);
  }

  public long commentCount(String postId) {
    return read(path("/api/posts/{id}/comments/count", postId), JSON)
        .map(count -> count.path("count").asLong(0))
        .orElse(0L);
  }

  /**
   * A page of a post's approved thread: up to 200 top-level comments with their replies, oldest
   * first, from {@code cursor} (null: the first page).
   */
  public Page<Comment> comments(String postId, String cursor) {
    var query = new LinkedHashMap<String, Object>();
    query.put("limit", 200);
    query.put("cursor", cursor);
    return read(
            ApiUris.of(path("/api/posts/{id}/comments", postId), query),
            new ParameterizedTypeReference<Page<Comment>>() {})
        .orElse(new Page<>(List.of(), null));
  }

  /**
   * The newest comments readers see, newest first: of the whole blog ({@code postId} null) or of
   * one post; empty when the post is not published.
   */
  public List<RecentComment> recentComments(String postId, int limit) {
    var query = new LinkedHashMap<String, Object>();
    query.put("postId", postId);
    query.put("limit", limit);
    return read(
            ApiUris.of("/api/comments/recent", query),
            new ParameterizedTypeReference<Page<RecentComment>>() {})
        .map(Page::items)
        .orElse(List.of());
  }

  /**
   * The mails a commenter asks for: about replies to their comment, about every later comment on
   * the post (Blogger's "Notify me").
   */
  public record CommentMails(boolean replies, boolean comments) {}

  public Posted postComment(
      String postId,
      String name,
      String email,
      String body,
      String parentId,
      CommentMails mails,
      String website,
      Instant renderedAt,
      String forwardedFor) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("authorName", name);
    json.put("authorEmail", email);
    json.put("body", body);
    json.put("parentId", parentId == null || parentId.isBlank() ? null : parentId);
    json.put("notifyOnReply", mails.replies());
    json.put("notifyOnComments", mails.comments());
    json.put("website", website);
    json.put("renderedAt", renderedAt);
    return http.post()
        .uri("/api/posts/{id}/comments", postId)
        .contentType(MediaType.APPLICATION_JSON)
        .headers(headers -> forwarded(headers, forwardedFor))
        .body(json)
        .exchange(
            (request, response) -> {
              JsonNode answer = response.bodyTo(JSON);
              return new Posted(
                  response.getStatusCode().value(),
                  answer == null ? null : answer.path("status").asString(null),
                  answer == null ? null : lastPart(answer.path("type").asString(null)));
            });
  }

  /** The status of a subscription request (202 whether or not the address is known). */
  public int subscribe(String email, List<String> tags, String forwardedFor) {
    return subscribe(email, tags, null, forwardedFor);
  }

  /**
   * With how often mail comes ({@code INSTANTLY}, {@code DAILY}, {@code WEEKLY}; null: each post).
   */
  public int subscribe(String email, List<String> tags, String frequency, String forwardedFor) {
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("email", email);
    body.put("tags", tags);
    if (frequency != null && !frequency.isBlank()) {
      body.put("frequency", frequency);
    }
    return status(
        http.post()
            .uri("/api/subscriptions")
            .contentType(MediaType.APPLICATION_JSON)
            .headers(headers -> forwarded(headers, forwardedFor))
            .body(body));
  }

  public int confirm(String token) {
    return status(
        http.post()
            .uri("/api/subscriptions/confirm")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("token", token)));
  }

  public int unsubscribe(String token) {
    return status(
        http.post().uri(URI.create(baseUrl + withToken("/api/subscriptions/unsubscribe", token))));
  }

  /**
   * "Did not ask? Never mail me": the address of the mail that asked to confirm a subscription is
   * not subscribed, and not asked again.
   */
  public int refuseSubscription(String token) {
    return status(
        http.post().uri(URI.create(baseUrl + withToken("/api/subscriptions/never", token))));
  }

  /** No more mails about replies and comments on the post a comment mail's token names. */
  public int stopReplies(String token) {
    return status(
        http.post().uri(URI.create(baseUrl + withToken("/api/subscriptions/replies/stop", token))));
  }

  /**
   * A commenter confirms, with the token of the mail that asked, the mails about a post's comments
   * they asked for: {@code FOLLOWING} (every comment) or {@code REPLIES} (replies to theirs); empty
   * when the link is refused.
   */
  public Optional<String> confirmCommentMails(String token) {
    return http.post()
        .uri(URI.create(baseUrl + withToken("/api/subscriptions/comments/confirm", token)))
        .exchange(
            (request, response) ->
                response.getStatusCode().is2xxSuccessful()
                    ? Optional.ofNullable(response.bodyTo(JSON))
                        .map(answer -> answer.path("status").asString())
                    : Optional.<String>empty());
  }

  /** A subscriber's choices ({@code email}, {@code tags}, {@code paused}), if the token is good. */
  public Optional<JsonNode> preferences(String token) {
    return read(withToken("/api/subscriptions/preferences", token), JSON);
  }

  /**
   * Tags (none: every post), a pause, and how often: {@code INSTANTLY}, {@code DAILY}, {@code
   * WEEKLY}.
   */
  public int updatePreferences(String token, List<String> tags, boolean paused, String frequency) {
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("tags", tags);
    body.put("paused", paused);
    if (frequency != null) {
      body.put("frequency", frequency);
    }
    return status(
        http.put()
            .uri(URI.create(baseUrl + withToken("/api/subscriptions/preferences", token)))
            .contentType(MediaType.APPLICATION_JSON)
            .body(body));
  }

  /**
   * The blog's title and description as its admins set them, the links its header shows beside the
   * pages, and the language its posts are written in (a BCP 47 tag) and which way it runs ({@code
   * ltr} or {@code rtl}; both null from an API that does not say).
   */
  public record SiteIdentity(
      String title,
      String description,
      List<Link> navigation,
      String language,
      String direction,
      String timeZone,
      String accentColor,
      String icon,
      Logo logo,
      Podcast podcast) {

    public SiteIdentity {
      navigation = navigation == null ? List.of() : navigation;
    }
  }

  /**
   * The blog as a podcast, as its readers are told where to listen.
   *
   * @param applePodcasts its page in Apple Podcasts, or null while it is not listed there
   * @param spotify its show's page in Spotify, or null while it is not listed there
   */
  public record Podcast(String category, String applePodcasts, String spotify) {}

  /** The blog's logo: where it is, and how large. */
  public record Logo(String url, int width, int height) {}

  /** A link an admin put in the header: a path here, or an http or https address. */
  public record Link(String label, String url) {

    /** Whether a reader's browser may be sent there (defence in depth: the API checked it). */
    public boolean safe() {
      return url != null
          && ((url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\"))
              || url.regionMatches(true, 0, "https://", 0, 8)
              || url.regionMatches(true, 0, "http://", 0, 7));
    }
  }

  public Optional<SiteIdentity> site() {
    return read("/api/site", new ParameterizedTypeReference<SiteIdentity>() {});
  }

  /**
   * Where an address leads: the post or page that lived there ({@code slug}), or where an admin
   * sends its readers ({@code url}, a 301 when {@code permanent}, else a 302).
   */
  public record Redirect(String slug, boolean page, String url, Boolean permanent) {

    /** A redirect an admin made, to a page here or another site, not an imported post. */
    public boolean isRule() {
      return slug == null;
    }
  }

  /**
   * @param oldPath an address of the platform the blog came from, decoded, with its query
   */
  public Optional<Redirect> redirect(String oldPath) {
    return read(
        ApiUris.of("/api/redirects", Map.of("path", oldPath)),
        new ParameterizedTypeReference<Redirect>() {});
  }

  /**
   * Who wrote posts here, as they describe themselves (bio and website may be null).
   *
   * @param avatar their picture: one of the blog's ({@code /api/images/…}) or an https address
   * @param postCount how many of their posts readers can read
   */
  public record Author(
      String id, String name, String bio, String website, String avatar, long postCount) {

    /** Their picture's address: the blog's smallest copy of its own picture, or the https one. */
    public String avatarUrl() {
      if (avatar == null) {
        return null;
      }
      if (avatar.matches("/api/images/[A-Za-z0-9_-]+(\\.[A-Za-z0-9]{1,5})?")) {
        return avatar + "?w=600";
      }
      return avatar.regionMatches(true, 0, "https://", 0, 8) ? avatar : null;
    }

    /** Their website, if it is one a reader's browser may be sent to (http or https). */
    public Optional<String> safeWebsite() {
      return Optional.ofNullable(website)
          .filter(
              url ->
                  url.regionMatches(true, 0, "https://", 0, 8)
                      || url.regionMatches(true, 0, "http://", 0, 7));
    }

    /**
     * The website as a reader reads it: "grace.example.org" for "https://www.grace.example.org/".
     */
    public String websiteLabel() {
      return safeWebsite()
          .map(url -> url.replaceFirst("(?i)^https?://(www\\.)?", "").replaceFirst("/$", ""))
          .orElse(null);
    }
  }

  /**
   * The author with this id, as their page introduces them. Kept for {@code AUTHOR_LIFETIME} (every
   * post page shows its author), so a profile's change shows within that.
   */
  public Optional<Author> author(String id) {
    return authors.get(
        id,
        key -> read(path("/api/authors/{id}", key), new ParameterizedTypeReference<Author>() {}));
  }

  /**
   * A profile as its author just saved it here, so that this web's pages show it at once rather
   * than when the copy kept above expires (post-service hears of it a moment later, by
   * auth-service's event, and a page read meanwhile would keep the old one that long).
   */
  public void rememberProfile(String id, String name, String bio, String website, String avatar) {
    authors.put(
        id,
        author(id)
            .map(
                known ->
                    new Author(
                        id,
                        name,
                        blankAsNull(bio),
                        blankAsNull(website),
                        blankAsNull(avatar),
                        known.postCount())));
  }

  private static String blankAsNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** Everyone with a published post, by name. */
  public List<Author> authors() {
    return read("/api/authors", new ParameterizedTypeReference<Page<Author>>() {})
        .map(Page::items)
        .orElse(List.of());
  }

  private static final Duration AUTHOR_LIFETIME = Duration.ofSeconds(30);

  private final Cache<String, Optional<Author>> authors =
      Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(AUTHOR_LIFETIME).build();

  /** A tag in use or described, and its name ("WPC" for the tag "wpc"). */
  public record Tag(String tag, String name, long count, Optional<String> description) {}

  /** The tag a page's path names, with what the blog says about it (its introduction). */
  public Optional<Tag> tag(String nameOrSlug) {
    return read(path("/api/tags/{tag}", nameOrSlug), JSON)
        .map(
            found ->
                new Tag(
                    found.path("tag").asString(),
                    found.path("name").asString(found.path("tag").asString()),
                    found.path("count").asLong(),
                    Optional.of(found.path("description").asString(""))
                        .filter(description -> !description.isBlank())));
  }

  /**
   * The slug a tag has now, when the path names one it had before an editor renamed it (the API's
   * 301); empty for any other tag.
   */
  public Optional<String> tagMovedTo(String nameOrSlug) {
    return http.get()
        .uri(URI.create(baseUrl + path("/api/tags/{tag}", nameOrSlug)))
        .exchange(
            (request, response) -> {
              URI location = response.getHeaders().getLocation();
              if (response.getStatusCode().value() != HttpStatus.MOVED_PERMANENTLY.value()
                  || location == null
                  || location.getRawPath() == null) {
                return Optional.<String>empty();
              }
              String path = location.getRawPath();
              return Optional.of(
                  UriUtils.decode(
                      path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8));
            });
  }

  /**
   * A tag of published posts, as the tag index lists it, with its name ("WPC" for the tag "wpc");
   * {@code description} null for none.
   */
  public record TagCount(String tag, String name, long count, String description) {}

  /** Every tag of a published post with its count, most used first. */
  public List<TagCount> tagCounts() {
    return read("/api/tags", JSON)
        .map(
            tags ->
                tags.path("items")
                    .valueStream()
                    .map(
                        item ->
                            new TagCount(
                                item.path("tag").asString(),
                                item.path("name").asString(item.path("tag").asString()),
                                item.path("count").asLong(),
                                item.path("description").asString(null)))
                    .toList())
        .orElse(List.of());
  }

  /** The published pages (About, Contact) for the menu, first published first. */
  public List<Neighbour> pages() {
    return read("/api/pages", new ParameterizedTypeReference<Page<Neighbour>>() {})
        .map(Page::items)
        .orElse(List.of());
  }

  /**
   * The posts read most in the last 30 days, most first, as Blogger's "Popular Posts" lists them.
   */
  public List<Neighbour> popularPosts(int limit) {
    return read(
            "/api/popular-posts?days=30&limit=" + limit,
            new ParameterizedTypeReference<Page<Neighbour>>() {})
        .map(Page::items)
        .orElse(List.of());
  }

  /** A post's "Newer post" and "Older post" (either may be missing). */
  public Neighbours neighbours(String postId) {
    return read(
            path("/api/posts/{id}/neighbours", postId),
            new ParameterizedTypeReference<Neighbours>() {})
        .orElse(new Neighbours(null, null));
  }

  /** The months with posts, newest first, counted in the blog's time zone. */
  public List<ArchiveMonth> archive(java.time.ZoneId zone) {
    return read(
            ApiUris.of("/api/archive", Map.of("zone", zone.getId())),
            new ParameterizedTypeReference<Archive>() {})
        .map(Archive::months)
        .orElse(List.of());
  }

  /** Enough of a post or page to link to it. */
  public record Neighbour(String slug, String title) {}

  public record Neighbours(Neighbour newer, Neighbour older) {}

  public record ArchiveMonth(int year, int month, long count) {

    public String path() {
      return "/archive/%04d/%02d".formatted(year, month);
    }
  }

  record Archive(List<ArchiveMonth> months) {}

  /**
   * The body of a successful GET, or empty when the API has nothing (a 4xx: no such post, tag,
   * token), whose body is not read as this type.
   *
   * @throws ApiUnavailable on a server error, which is not "nothing"
   */
  private <T> Optional<T> read(String uri, ParameterizedTypeReference<T> type) {
    return http.get()
        // already encoded: as a URI, so that nothing is encoded twice
        .uri(URI.create(baseUrl + uri))
        .exchange(
            (request, response) -> {
              if (response.getStatusCode().is5xxServerError()) {
                throw new ApiUnavailable(uri, response.getStatusCode().value());
              }
              return response.getStatusCode().is2xxSuccessful()
                  ? Optional.ofNullable(response.bodyTo(type))
                  : Optional.<T>empty();
            });
  }

  private static int status(RestClient.RequestHeadersSpec<?> request) {
    return request.exchange((req, response) -> response.getStatusCode().value());
  }

  /** A problem type's last part: "duplicate-comment" of ".../problems/duplicate-comment". */
  private static String lastPart(String type) {
    return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
  }

  private static String path(String template, String id) {
    return UriComponentsBuilder.fromPath(template).buildAndExpand(id).encode().toUriString();
  }

  private static String withToken(String path, String token) {
    // the token is a value, never a template: whatever it holds is percent-encoded
    return ApiUris.of(path, Map.of("token", token));
  }

  private static void forwarded(HttpHeaders headers, String chain) {
    if (chain != null && !chain.isBlank()) {
      headers.set("X-Forwarded-For", chain);
    }
  }
}
