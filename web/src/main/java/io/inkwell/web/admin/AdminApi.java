package io.inkwell.web.admin;

import io.inkwell.web.WebSettings;
import io.inkwell.web.api.ApiConnections;
import io.inkwell.web.api.ApiUris;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * The staff side of the public API, called with the signed-in person's access token (kept in the
 * server-side session). Each answer is the status and the JSON body, so the pages can say what the
 * API said; a 401 means the short-lived token ran out and the person signs in again.
 */
@Component
class AdminApi {

  private static final ParameterizedTypeReference<JsonNode> JSON =
      new ParameterizedTypeReference<>() {};

  private final RestClient http;
  private final String baseUrl;
  private final Duration importWait;

  AdminApi(RestClient.Builder builder, WebSettings settings) {
    this.baseUrl = settings.apiUrl();
    this.importWait = settings.importWait();
    this.http =
        builder
            .baseUrl(settings.apiUrl())
            .requestFactory(ApiConnections.requestFactory(settings.adminApiTimeout()))
            .defaultStatusHandler(status -> true, (request, response) -> {})
            .build();
  }

  /** What the API answered. */
  record Answer(int status, JsonNode body, String etag) {

    private static final Pattern SEE_ERRORS = Pattern.compile(";? see errors\\.$");

    boolean ok() {
      return status >= 200 && status < 300;
    }

    /**
     * The gateway stopped waiting for the service (its 504): the request reached it, and what it
     * does goes on behind the answer, so that "try again" is the wrong advice for a long import.
     */
    boolean outlastedTheGateway() {
      return status == 504;
    }

    /** The API took the request and goes on with it after answering (202). */
    boolean goesOn() {
      return status == 202;
    }

    /**
     * The problem's detail, for the page to show: with the fields it names when it points at them
     * ("…; see errors."); a detail that already says what is wrong with the one field stands alone.
     */
    String problem() {
      if (body == null) {
        return "The API answered " + status + ".";
      }
      String detail = body.path("detail").asString("The API answered " + status + ".");
      Matcher seeErrors = SEE_ERRORS.matcher(detail);
      if (!seeErrors.find()) {
        return detail;
      }
      var errors = new ArrayList<String>();
      body.path("errors")
          .forEach(
              e -> errors.add(e.path("field").asString() + ": " + e.path("message").asString()));
      return errors.isEmpty()
          ? detail
          : detail.substring(0, seeErrors.start()) + ": " + String.join("; ", errors) + ".";
    }
  }

  /**
   * A post's fields as the editor form sends them. {@code commentsOpen} and {@code page} null leave
   * the post's choice as it is (a new one is a post open for comments); so does a null {@code
   * coverImage}, and an empty one takes the cover away. {@code seasonNumber}, {@code episodeNumber}
   * and {@code episodeType} as typed: empty, none; null, as they are.
   */
  record Draft(
      String title,
      String body,
      String excerpt,
      List<String> tags,
      String slug,
      Boolean commentsOpen,
      Boolean page,
      String coverImage,
      String coverAlt,
      String metaTitle,
      String metaDescription,
      String canonicalUrl,
      String seasonNumber,
      String episodeNumber,
      String episodeType,
      java.time.Instant publishedAt) {

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("title", title);
      json.put("body", body == null ? "" : body);
      json.put("excerpt", excerpt == null || excerpt.isBlank() ? null : excerpt);
      json.put("tags", tags);
      json.put("slug", slug == null || slug.isBlank() ? null : slug);
      json.put("commentsOpen", commentsOpen);
      json.put("page", page);
      json.put("coverImage", coverImage == null ? null : coverImage.strip());
      json.put("coverAlt", coverAlt);
      // "" gives the post its own title, excerpt and address back; null leaves them as they are
      json.put("metaTitle", metaTitle);
      json.put("metaDescription", metaDescription);
      json.put("canonicalUrl", canonicalUrl == null ? null : canonicalUrl.strip());
      // 0 and "" take them away; null leaves them as they are
      json.put("seasonNumber", number(seasonNumber));
      json.put("episodeNumber", number(episodeNumber));
      json.put("episodeType", episodeType == null ? null : episodeType.strip());
      // a published post's new date; left out, it keeps the one it has
      if (publishedAt != null) {
        json.put("publishedAt", publishedAt.toString());
      }
      return json;
    }

    /**
     * A number field as the API takes it: empty is 0 (none), digits a number, anything else as
     * typed, for the API to say what is wrong with it.
     */
    private static Object number(String typed) {
      if (typed == null) {
        return null;
      }
      String text = typed.strip();
      if (text.isEmpty()) {
        return 0;
      }
      return text.matches("\\d{1,9}") ? Integer.valueOf(text) : text;
    }
  }

  /**
   * What the admin's post list is narrowed to; an empty value narrows nothing.
   *
   * @param text words in the title, body or tags
   * @param author the id of the staff member who wrote them
   */
  record PostFilter(String text, String tag, String author) {

    static final PostFilter NONE = new PostFilter("", "", "");

    boolean any() {
      return !text.isEmpty() || !tag.isEmpty() || !author.isEmpty();
    }
  }

  /**
   * A page of the posts in a state, newest change first; the admin's tab "For review" is the drafts
   * submitted for review ({@code REVIEW}), and its "Drafts" the others.
   */
  Answer postsInStatus(String token, String status, PostFilter filter, String cursor) {
    return postList(token, status, filter, cursor, 50);
  }

  /** How many posts a tab of the admin's list has ({@code total} of a one-post page). */
  Answer postCount(String token, String status) {
    return postList(token, status, PostFilter.NONE, null, 1);
  }

  private Answer postList(
      String token, String status, PostFilter filter, String cursor, int limit) {
    var query = new LinkedHashMap<String, Object>();
    boolean drafts = status.equals("DRAFT") || status.equals("REVIEW");
    query.put("status", drafts ? "DRAFT" : status);
    query.put("review", drafts ? status.equals("REVIEW") : null);
    query.put("limit", limit);
    query.put("q", filter.text());
    query.put("tag", filter.tag());
    query.put("author", filter.author());
    query.put("cursor", cursor);
    return get(token, ApiUris.of("/api/posts", query));
  }

  Answer post(String token, String id) {
    return get(token, path("/api/posts/{id}", id));
  }

  /**
   * Mails the signed-in staff member the post as subscribers will get it, from what post-service
   * keeps of it (title, excerpt, slug, cover, the whole text, author and date).
   */
  Answer testMail(String token, String id, tools.jackson.databind.JsonNode post) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", post.path("title").asString());
    body.put("excerpt", post.path("excerpt").asString(""));
    body.put("slug", post.path("slug").asString());
    body.put("bodyHtml", post.path("bodyHtml").asString(""));
    body.put("authorName", post.path("author").path("name").asString(""));
    // a scheduled post's mail is dated as it will be; a draft's, today
    String date = post.path("publishedAt").asString(post.path("publishAt").asString(""));
    if (!date.isEmpty()) {
      body.put("publishedAt", date);
    }
    var cover = post.path("cover");
    if (cover.isObject()) {
      body.put(
          "cover",
          Map.of(
              "url", cover.path("url").asString(),
              "alt", cover.path("alt").asString(""),
              "width", cover.path("width").asInt(),
              "height", cover.path("height").asInt()));
    }
    return send(token, http.post().uri("/api/posts/{id}/test-mail", id), body, null);
  }

  Answer create(String token, Draft draft) {
    return send(token, http.post().uri("/api/posts"), draft.json(), null);
  }

  Answer update(String token, String id, String etag, Draft draft) {
    return send(token, http.put().uri("/api/posts/{id}", id), draft.json(), etag);
  }

  Answer preview(String token, Draft draft) {
    return send(token, http.post().uri("/api/posts/preview"), draft.json(), null);
  }

  /** Publishes now ({@code at} null) or at {@code at}; {@code mail} false is "publish only". */
  Answer publish(String token, String id, Instant at, boolean mail) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (at != null) {
      body.put("publishAt", at.toString());
    }
    body.put("mailSubscribers", mail);
    return send(token, http.post().uri("/api/posts/{id}/publish", id), body, null);
  }

  Answer unpublish(String token, String id) {
    return send(token, http.post().uri("/api/posts/{id}/unpublish", id), Map.of(), null);
  }

  /** WordPress's "Submit for Review": the editors find the draft among those that wait. */
  Answer submitForReview(String token, String id) {
    return send(token, http.post().uri("/api/posts/{id}/submit", id), Map.of(), null);
  }

  /** Moves the post to the trash → the post, with {@code deletesAt}. */
  Answer trash(String token, String id) {
    return send(token, http.post().uri("/api/posts/{id}/trash", id), Map.of(), null);
  }

  /** Takes the post out of the trash, as a draft. */
  Answer restore(String token, String id) {
    return send(token, http.post().uri("/api/posts/{id}/restore", id), Map.of(), null);
  }

  Answer delete(String token, String id) {
    return delete(token, "/api/posts/{id}", id);
  }

  private static final MediaType ZIP = new MediaType("application", "zip");

  /** The platforms a blog can be brought over from, and the files they give. */
  enum ImportSource {
    BLOGGER("Blogger", "/api/imports/blogger", MediaType.APPLICATION_ATOM_XML, ".zip or .xml"),
    WORDPRESS("WordPress", "/api/imports/wordpress", MediaType.APPLICATION_RSS_XML, ".xml or .zip"),
    GHOST("Ghost", "/api/imports/ghost", MediaType.APPLICATION_JSON, ".json"),
    SUBSTACK("Substack", "/api/imports/substack", ZIP, ".zip"),
    MEDIUM("Medium", "/api/imports/medium", ZIP, ".zip");

    private final String title;
    private final String path;
    private final MediaType type;
    private final String extension;

    ImportSource(String title, String path, MediaType type, String extension) {
      this.title = title;
      this.path = path;
      this.type = type;
      this.extension = extension;
    }

    String title() {
      return title;
    }

    /** How the platform's export file is named: ".xml or .zip", ".json". */
    String extension() {
      return extension;
    }

    /**
     * The form's choice ("wordpress", "ghost", "substack", "medium"); Blogger for anything else.
     */
    static ImportSource named(String name) {
      for (ImportSource source : values()) {
        if (source.name().equalsIgnoreCase(name)) {
          return source;
        }
      }
      return BLOGGER;
    }
  }

  /**
   * An export file (Blogger's Settings → Back up content, WordPress's Tools → Export) as is, or the
   * zip archive it came in (Google Takeout's, WordPress.com's), passed on as it is read from the
   * upload (an archive may be 100 MB).
   *
   * @param copyPictures whether the posts' pictures on the old blog's host are copied to the blog
   * @param site the old blog's address, which a Ghost export leaves out of its pictures' addresses
   *     and whose links a Substack export's posts have whole; empty when not given
   * @param blog which blog of a Takeout archive that holds several, by its name; empty when not
   *     given
   */
  Answer importExport(
      String token,
      ImportSource source,
      Resource export,
      boolean copyPictures,
      String site,
      String blog) {
    var query = new LinkedHashMap<String, Object>();
    query.put("copyPictures", copyPictures);
    query.put(
        "site",
        source == ImportSource.GHOST || source == ImportSource.SUBSTACK ? site.strip() : null);
    query.put("blog", source == ImportSource.BLOGGER && !blog.isBlank() ? blog.strip() : null);
    String name = String.valueOf(export.getFilename()).toLowerCase(Locale.ROOT);
    return http.post()
        .uri(URI.create(baseUrl + ApiUris.of(source.path, query)))
        .headers(headers -> headers.setBearerAuth(token))
        // how far it is after a while, rather than the gateway's 504 after its own
        .header("Prefer", "respond-async, wait=" + importWait.toSeconds())
        .contentType(name.endsWith(".zip") ? ZIP : source.type)
        .body(export)
        .exchange((request, response) -> answer(response));
  }

  /** How far copying imported posts' pictures to the blog is. */
  /** The latest imports, newest first, each as far as it is. */
  Answer imports(String token) {
    return get(token, "/api/imports");
  }

  Answer importedPictures(String token) {
    return get(token, "/api/imports/pictures");
  }

  /** Tries the imported pictures that stayed on their old host once more. */
  Answer retryImportedPictures(String token) {
    return http.post()
        .uri("/api/imports/pictures/retry")
        .headers(headers -> headers.setBearerAuth(token))
        .exchange((request, response) -> answer(response));
  }

  /** The comments of a state, of one post when {@code postId} is not empty. */
  Answer commentQueue(String token, String status, String postId) {
    return commentQueue(token, status, postId, "", "");
  }

  /**
   * The same, with {@code text} in their words, name or address when it is not empty, from where
   * the page before ended when {@code cursor} is not empty.
   */
  Answer commentQueue(String token, String status, String postId, String text, String cursor) {
    var query = new LinkedHashMap<String, Object>();
    query.put("status", status);
    query.put("postId", postId);
    query.put("q", text);
    query.put("cursor", cursor);
    return get(token, ApiUris.of("/api/comments", query));
  }

  /** How many drafts wait for review. */
  Answer reviewQueueLength(String token) {
    return postCount(token, "REVIEW");
  }

  /** The queue's length only (its {@code total}), with as little of the queue as may be asked. */
  Answer commentQueueLength(String token) {
    return get(token, "/api/comments?status=PENDING&limit=1");
  }

  /** One comment, whatever its status, as moderators see it (with the text as typed). */
  Answer comment(String token, String commentId) {
    return get(token, path("/api/comments/{id}", commentId));
  }

  /** A moderator's correction of a comment's name and text. */
  Answer editComment(String token, String commentId, String authorName, String body) {
    return send(
        token,
        http.put().uri("/api/comments/{id}", commentId),
        Map.of("authorName", authorName, "body", body),
        null);
  }

  /** WordPress's "Empty Spam": every spam comment deleted at once → {@code {deleted}}. */
  Answer emptySpam(String token) {
    return deleteAll(token, "SPAM");
  }

  /** Every comment of a state (spam, rejected) deleted at once → {@code {deleted}}. */
  Answer deleteAll(String token, String status) {
    return http.delete()
        .uri("/api/comments?status={status}", status)
        .headers(headers -> headers.setBearerAuth(token))
        .exchange((request, response) -> answer(response));
  }

  Answer moderate(String token, String commentId, String action) {
    return send(
        token, http.post().uri("/api/comments/{id}/{action}", commentId, action), Map.of(), null);
  }

  /** A staff member's comment; comment-service names it after the token, not these fields. */
  Answer reply(
      String token, String postId, String parentId, String name, String email, String body) {
    return send(
        token,
        http.post().uri("/api/posts/{postId}/comments", postId),
        Map.of("authorName", name, "authorEmail", email, "body", body, "parentId", parentId),
        null);
  }

  Answer commentSettings(String token) {
    return get(token, "/api/comments/settings");
  }

  Answer chooseCommentSettings(String token, String policy, int closeAfterDays) {
    return send(
        token,
        http.put().uri("/api/comments/settings"),
        Map.of("policy", policy, "closeAfterDays", closeAfterDays),
        null);
  }

  Answer blocklist(String token) {
    return get(token, "/api/comments/blocklist");
  }

  Answer block(String token, String kind, String value) {
    return send(
        token,
        http.post().uri("/api/comments/blocklist"),
        Map.of("kind", kind, "value", value),
        null);
  }

  Answer unblock(String token, String entryId) {
    return delete(token, "/api/comments/blocklist/{id}", entryId);
  }

  /**
   * A page of subscribers, newest first; {@code status} null for all, {@code text} a part of the
   * address (blank for any).
   */
  Answer subscribers(String token, String status, String text, String cursor) {
    var query = new LinkedHashMap<String, Object>();
    query.put("limit", 100);
    query.put("status", status);
    query.put("q", text);
    query.put("cursor", cursor);
    return get(token, ApiUris.of("/api/subscribers", query));
  }

  /** How many subscribers confirmed their address ({@code total} of a one-subscriber page). */
  Answer confirmedSubscriberCount(String token) {
    return get(token, "/api/subscribers?status=CONFIRMED&limit=1");
  }

  /** An export's status and bytes, as they came, to pass on. */
  record Download(int status, byte[] body) {

    /**
     * The bytes as a file the browser saves, never cached; a refusal as a line of text, and an
     * expired sign-in as a new one.
     */
    ResponseEntity<byte[]> asAttachment(String filename, MediaType type) {
      if (status == 401) {
        throw new SignInAgain();
      }
      if (status != 200) {
        return ResponseEntity.status(status)
            .contentType(MediaType.TEXT_PLAIN)
            .body("The export failed; the API answered %d.".formatted(status).getBytes());
      }
      return ResponseEntity.ok()
          .contentType(type)
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.attachment().filename(filename).build().toString())
          .cacheControl(CacheControl.noStore())
          .body(body);
    }
  }

  Download exportSubscribers(String token) {
    return download(token, "/api/subscribers/export");
  }

  /** The redirects as Ghost's {@code redirects.json}. */
  Download exportRedirects(String token) {
    return download(token, "/api/redirects/rules/export");
  }

  private Download download(String token, String path) {
    return http.get()
        .uri(path)
        .headers(headers -> headers.setBearerAuth(token))
        .exchange(
            (request, response) ->
                new Download(response.getStatusCode().value(), response.getBody().readAllBytes()));
  }

  /**
   * The whole blog as a WordPress export, as the API streams it: open, for the caller to pass on
   * and close.
   */
  ClientHttpResponse exportBlog(String token) {
    return http.get()
        .uri("/api/exports/wordpress")
        .headers(headers -> headers.setBearerAuth(token))
        .exchange((request, response) -> response, false);
  }

  /**
   * A subscriber list as CSV (another platform's export, or this blog's own), as it came: its
   * character set unsaid, for the browser does not know it (notification-service tells UTF-8 from
   * the Windows-1252 of a spreadsheet).
   */
  Answer importSubscribers(String token, byte[] csv) {
    return http.post()
        .uri("/api/subscribers/import")
        .headers(headers -> headers.setBearerAuth(token))
        .contentType(new MediaType("text", "csv"))
        .body(csv)
        .exchange((request, response) -> answer(response));
  }

  Answer eraseSubscriber(String token, String subscriberId) {
    return delete(token, "/api/subscribers/{id}", subscriberId);
  }

  /** Forgets who wrote the comments sent from the address (admins): {@code {erased}}. */
  Answer eraseCommenter(String token, String email) {
    return send(token, http.post().uri("/api/comments/erasure"), Map.of("email", email), null);
  }

  /**
   * The comments sent from the address, all of what is kept of them (admins): {@code {comments}}.
   */
  Answer commenterData(String token, String email) {
    return send(
        token, http.post().uri("/api/comments/personal-data"), Map.of("email", email), null);
  }

  /**
   * What notification-service keeps of the address (admins): {@code {subscription, mails,
   * following}}.
   */
  Answer addressData(String token, String email) {
    return send(
        token, http.post().uri("/api/subscribers/personal-data"), Map.of("email", email), null);
  }

  /**
   * Forgets the address in notification-service (admins): its subscriber and the records of mails
   * to it, {@code {subscriber, mails}}.
   */
  Answer eraseAddress(String token, String email) {
    return send(token, http.post().uri("/api/subscribers/erasure"), Map.of("email", email), null);
  }

  Answer deliveries(String token, String postId) {
    return get(token, path("/api/posts/{id}/deliveries", postId));
  }

  /** How often a post was read, day by day over the last {@code days} days. */
  Answer views(String token, String postId, int days) {
    return get(token, path("/api/posts/{id}/views", postId) + "?days=" + days);
  }

  /**
   * The views of each of these posts over the last {@code days} days, of those the person may see
   * (editors: all; others: their own); none when the API cannot say.
   */
  Map<String, Long> viewCounts(String token, List<String> postIds, int days) {
    if (postIds.isEmpty()) {
      return Map.of();
    }
    var query = UriComponentsBuilder.fromPath("/api/views/counts").queryParam("days", days);
    postIds.forEach(id -> query.queryParam("postId", UriUtils.encode(id, StandardCharsets.UTF_8)));
    var answer = get(token, query.build(true).toUriString());
    var counts = new java.util.HashMap<String, Long>();
    if (answer.ok()) {
      answer
          .body()
          .path("counts")
          .properties()
          .forEach(c -> counts.put(c.getKey(), c.getValue().asLong()));
    }
    return counts;
  }

  /**
   * The posts read most over the last {@code days} days: the blog's for editors, else one's own.
   */
  Answer mostViewed(String token, int days, int limit) {
    return get(token, "/api/views?days=" + days + "&limit=" + limit);
  }

  Answer staff(String token) {
    return get(token, "/api/staff");
  }

  Answer invite(String token, String email, String name, String role) {
    return send(
        token,
        http.post().uri("/api/staff"),
        Map.of("email", email, "name", name, "role", role),
        null);
  }

  Answer changeRole(String token, String staffId, String role) {
    return send(token, http.put().uri("/api/staff/{id}/role", staffId), Map.of("role", role), null);
  }

  Answer setSuspended(String token, String staffId, boolean suspended) {
    return send(
        token,
        http.put().uri("/api/staff/{id}/suspended", staffId),
        Map.of("suspended", suspended),
        null);
  }

  Answer integrations(String token) {
    return get(token, "/api/integrations");
  }

  Answer createIntegration(String token, String name) {
    return send(token, http.post().uri("/api/integrations"), Map.of("name", name), null);
  }

  Answer revokeIntegration(String token, String clientId) {
    return delete(token, "/api/integrations/{id}", clientId);
  }

  /** The admins' redirects, by the address each sends away. */
  Answer redirects(String token) {
    return get(token, "/api/redirects/rules");
  }

  Answer addRedirect(String token, String from, String to, boolean permanent) {
    return send(
        token,
        http.post().uri("/api/redirects/rules"),
        Map.of("from", from, "to", to, "permanent", permanent),
        null);
  }

  /** A Ghost blog's {@code redirects.json}, as it came. */
  Answer importRedirects(String token, byte[] redirectsJson) {
    return http.post()
        .uri("/api/redirects/rules/import")
        .headers(headers -> headers.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .body(redirectsJson)
        .exchange((request, response) -> answer(response));
  }

  Answer removeRedirect(String token, String id) {
    return delete(token, "/api/redirects/rules/{id}", id);
  }

  Answer webhooks(String token) {
    return get(token, "/api/webhooks");
  }

  Answer addWebhook(String token, String name, String event, String targetUrl) {
    return send(
        token,
        http.post().uri("/api/webhooks"),
        Map.of("name", name, "event", event, "targetUrl", targetUrl),
        null);
  }

  Answer removeWebhook(String token, String id) {
    return delete(token, "/api/webhooks/{id}", id);
  }

  Answer webhookCalls(String token, String id) {
    return get(token, "/api/webhooks/" + UriUtils.encodePathSegment(id, "UTF-8") + "/calls");
  }

  Answer rollWebhookSecret(String token, String id) {
    return send(token, http.post().uri("/api/webhooks/{id}/secret", id), Map.of(), null);
  }

  Answer pingWebhook(String token, String id) {
    return send(token, http.post().uri("/api/webhooks/{id}/ping", id), Map.of(), null);
  }

  Answer retryWebhookCall(String token, String id, String callId) {
    return send(
        token,
        http.post().uri("/api/webhooks/{id}/calls/{callId}/retry", id, callId),
        Map.of(),
        null);
  }

  Answer me(String token) {
    return get(token, "/api/staff/me");
  }

  /** Which mails the signed-in staff member wants; a null {@code reviewMails} stays as it is. */
  Answer setMailPreferences(String token, boolean commentMails, Boolean reviewMails) {
    var wanted = new LinkedHashMap<String, Object>();
    wanted.put("commentMails", commentMails);
    if (reviewMails != null) {
      wanted.put("reviewMails", reviewMails);
    }
    return send(token, http.put().uri("/api/staff/me/notifications"), wanted, null);
  }

  /** What readers see of the signed-in staff member; a blank bio, website or avatar is none. */
  Answer setProfile(String token, String name, String bio, String website, String avatar) {
    return send(
        token,
        http.put().uri("/api/staff/me/profile"),
        Map.of("name", name, "bio", bio, "website", website, "avatar", avatar),
        null);
  }

  /** A new password; every browser but the one {@code keepSession} names is signed out. */
  Answer changePassword(String token, String current, String next, String keepSession) {
    var change = new LinkedHashMap<String, Object>();
    change.put("currentPassword", current);
    change.put("newPassword", next);
    if (keepSession != null) {
      change.put("keepSession", keepSession);
    }
    return send(token, http.put().uri("/api/staff/me/password"), change, null);
  }

  /** A new secret for an authenticator app: {@code key} and {@code uri}. */
  Answer beginTwoStep(String token) {
    return send(token, http.post().uri("/api/staff/me/two-step"), Map.of(), null);
  }

  /** A code of the app being set up: two-step sign-in is on, with {@code recoveryCodes}. */
  Answer confirmTwoStep(String token, String code) {
    return send(token, http.put().uri("/api/staff/me/two-step"), Map.of("code", code), null);
  }

  /** Ten new recovery codes in place of those left: {@code recoveryCodes}. */
  Answer renewRecoveryCodes(String token, String currentPassword) {
    return send(
        token,
        http.post().uri("/api/staff/me/two-step/recovery-codes"),
        Map.of("currentPassword", currentPassword),
        null);
  }

  /** Whether the blog requires two-step sign-in of all staff, and how many still go without. */
  Answer securityPolicy(String token) {
    return get(token, "/api/staff/security-policy");
  }

  Answer requireTwoStep(String token, boolean required) {
    return send(
        token,
        http.put().uri("/api/staff/security-policy"),
        Map.of("twoStepRequired", required),
        null);
  }

  Answer turnTwoStepOffFor(String token, String staffId) {
    return delete(token, "/api/staff/{id}/two-step", staffId);
  }

  Answer turnTwoStepOff(String token, String currentPassword) {
    return send(
        token,
        http.post().uri("/api/staff/me/two-step/off"),
        Map.of("currentPassword", currentPassword),
        null);
  }

  /** The browsers the signed-in staff member is signed in at; {@code current} marks this one. */
  Answer signedInBrowsers(String token, String current) {
    return http.get()
        .uri("/api/staff/me/sessions?current={sid}", current == null ? "" : current)
        .headers(headers -> headers.setBearerAuth(token))
        .exchange((request, response) -> answer(response));
  }

  /** Signs out at every browser but the one {@code keepSession} names. */
  Answer signOutElsewhere(String token, String keepSession) {
    return http.delete()
        .uri("/api/staff/me/sessions?keepSession={sid}", keepSession == null ? "" : keepSession)
        .headers(headers -> headers.setBearerAuth(token))
        .exchange((request, response) -> answer(response));
  }

  Answer signOutAt(String token, String sid) {
    return delete(token, "/api/staff/me/sessions/{sid}", sid);
  }

  Answer revisions(String token, String postId) {
    return get(token, path("/api/posts/{id}/revisions", postId));
  }

  Answer revision(String token, String postId, long version) {
    return get(token, path("/api/posts/{id}/revisions/", postId) + version);
  }

  Answer feature(String token, String id, boolean featured) {
    return send(
        token, http.put().uri("/api/posts/{id}/featured", id), Map.of("featured", featured), null);
  }

  /** The blog's title and description. */
  Answer site(String token) {
    return get(token, "/api/site");
  }

  /**
   * @param language a BCP 47 tag; blank keeps the blog's language as it is
   * @param timeZone a zone of the IANA database; blank keeps the blog's zone as it is
   * @param accentColor {@code #rrggbb}; empty for the theme's own; null keeps it as it is
   * @param feedContent {@code FULL} or {@code EXCERPT}, what each entry of the feeds carries; null
   *     keeps it as it is
   */
  Answer changeSite(
      String token,
      String title,
      String description,
      String language,
      String timeZone,
      String accentColor,
      String icon,
      String logo,
      String feedContent) {
    Map<String, String> site = new LinkedHashMap<>();
    site.put("title", title);
    site.put("description", description);
    if (!language.isBlank()) {
      site.put("language", language);
    }
    if (!timeZone.isBlank()) {
      site.put("timeZone", timeZone);
    }
    if (accentColor != null) {
      site.put("accentColor", accentColor);
    }
    if (icon != null) {
      site.put("icon", icon);
    }
    if (logo != null) {
      site.put("logo", logo);
    }
    if (feedContent != null) {
      site.put("feedContent", feedContent);
    }
    return send(token, http.put().uri("/api/site"), site, null);
  }

  /** The header's links, the whole list in order: each {@code {label, url}}. */
  Answer changeNavigation(String token, List<Map<String, String>> links) {
    return send(token, http.put().uri("/api/site/navigation"), Map.of("items", links), null);
  }

  /** Apple Podcasts' categories with their subcategories, the choices a podcast has. */
  Answer podcastCategories(String token) {
    return get(token, "/api/site/podcast/categories");
  }

  /**
   * The blog as a podcast, as {@code PUT /api/site/podcast} takes it.
   *
   * @param category an empty one: no longer a podcast
   * @param applePodcasts its page in Apple Podcasts, once listed there; empty for none
   * @param spotify its show's page in Spotify, once listed there; empty for none
   */
  record Podcast(
      String category,
      String subcategory,
      boolean explicit,
      boolean serial,
      String cover,
      String email,
      String applePodcasts,
      String spotify) {}

  Answer changePodcast(String token, Podcast podcast) {
    return send(token, http.put().uri("/api/site/podcast"), podcast, null);
  }

  /**
   * Every tag of a published post, most used first, with its count and description; with {@code
   * unpublished} (editors) those of drafts and scheduled posts too, with how many carry each.
   */
  Answer tags(String token, boolean unpublished) {
    return get(token, unpublished ? "/api/tags?include=unpublished" : "/api/tags");
  }

  Answer describeTag(String token, String tag, String description) {
    return send(
        token, http.put().uri("/api/tags/{tag}", tag), Map.of("description", description), null);
  }

  /** Renames a tag on every post that has it, or merges it into the tag of that name. */
  Answer renameTag(String token, String tag, String name) {
    return send(token, http.post().uri("/api/tags/{tag}/rename", tag), Map.of("name", name), null);
  }

  /** Takes a tag off every post that has it. */
  Answer deleteTag(String token, String tag) {
    return delete(token, "/api/tags/{tag}", tag);
  }

  /** The post's secret preview link ({@code path}), made the first time. */
  Answer previewLink(String token, String id) {
    return send(token, http.post().uri("/api/posts/{id}/preview-link", id), Map.of(), null);
  }

  /** A page of the media library, newest first. */
  Answer images(String token, String cursor) {
    var query = new LinkedHashMap<String, Object>();
    query.put("limit", 48);
    query.put("cursor", cursor);
    return get(token, ApiUris.of("/api/images", query));
  }

  /** The picture as the author's browser sent it; post-service decides what it is. */
  Answer uploadImage(String token, String filename, byte[] content) {
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add(
        "file",
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return filename == null || filename.isBlank() ? "image" : filename;
          }
        });
    return http.post()
        .uri("/api/images")
        .headers(headers -> headers.setBearerAuth(token))
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts)
        .exchange((request, response) -> answer(response));
  }

  /** A page of the blog's files, newest first. */
  Answer files(String token, String cursor) {
    var query = new LinkedHashMap<String, Object>();
    query.put("limit", 50);
    query.put("cursor", cursor);
    return get(token, ApiUris.of("/api/files", query));
  }

  /**
   * The file as the author's browser sent it, passed on as it is read from the upload's temporary
   * file (up to 100 MB: never held in memory whole); post-service decides what it is.
   */
  Answer uploadFile(String token, Resource file) {
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add("file", file);
    return http.post()
        .uri("/api/files")
        .headers(headers -> headers.setBearerAuth(token))
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts)
        .exchange((request, response) -> answer(response));
  }

  Answer deleteFile(String token, String id) {
    return delete(token, "/api/files/{id}", id);
  }

  /**
   * The id of the picture an upload put in the library, if it is new there: a picture that was in
   * it already (the same bytes, uploaded before) may be in posts, and stays whatever becomes of the
   * form that sent it again.
   */
  static Optional<String> added(Answer uploaded) {
    return uploaded.status() == 201
        ? Optional.of(uploaded.body().path("id").asString())
        : Optional.empty();
  }

  /**
   * Pictures a form put in the library for a change that was then refused (a logo that is no logo,
   * a profile whose website is no address), taken out again: the author tries another, and the
   * library keeps no picture nobody chose. As far as the API lets them: one that cannot go stays,
   * as an upload on the Images page would.
   */
  void withdraw(String token, List<String> imageIds) {
    imageIds.forEach(id -> deleteImage(token, id));
  }

  Answer removeStaff(String token, String staffId) {
    return delete(token, "/api/staff/{id}", staffId);
  }

  Answer deleteImage(String token, String id) {
    return delete(token, "/api/images/{id}", id);
  }

  private Answer delete(String token, String template, String id) {
    return http.delete()
        .uri(template, id)
        .headers(headers -> headers.setBearerAuth(token))
        .exchange((request, response) -> answer(response));
  }

  private Answer get(String token, String encodedPath) {
    return http.get()
        .uri(URI.create(baseUrl + encodedPath))
        .headers(headers -> headers.setBearerAuth(token))
        .exchange((request, response) -> answer(response));
  }

  /**
   * An entity tag as HTTP writes it (RFC 9110, 8.8.3). What a form brought back as a version and is
   * none is not sent: the API then asks for the version it needs (428) instead of this client
   * failing on a header it cannot write.
   */
  private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"[\\x21\\x23-\\x7E]*\"");

  private static Answer send(
      String token, RestClient.RequestBodySpec request, Object body, String ifMatch) {
    return request
        .headers(
            headers -> {
              headers.setBearerAuth(token);
              if (ifMatch != null && ENTITY_TAG.matcher(ifMatch).matches()) {
                headers.setIfMatch(ifMatch);
              }
            })
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange((req, response) -> answer(response));
  }

  private static Answer answer(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response)
      throws java.io.IOException {
    int status = response.getStatusCode().value();
    JsonNode body = null;
    var type = response.getHeaders().getContentType();
    if (type != null && type.getSubtype().endsWith("json")) {
      body = response.bodyTo(JSON);
    }
    return new Answer(status, body, response.getHeaders().getETag());
  }

  /** An API timestamp, or null when there is none (the page then shows no date). */
  static Instant instant(String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (java.time.format.DateTimeParseException unreadable) {
      return null;
    }
  }

  private static String path(String template, String id) {
    return UriComponentsBuilder.fromPath(template).buildAndExpand(id).encode().toUriString();
  }
}
