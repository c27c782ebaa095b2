package io.inkwell.posts.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An admin sends addresses the blog has no page at elsewhere (Ghost's Redirects, WordPress's
 * Redirection): the reader site asks where one leads and sends the reader on.
 */
class RedirectRulesTests extends IntegrationTest {

  private static final String RULES = "/api/redirects/rules";

  @AfterEach
  void removeTheRules() {
    for (JsonNode rule : admin().get(RULES).json().path("items")) {
      admin().delete(RULES + "/" + rule.path("id").asString());
    }
  }

  @Test
  void anAdminSendsAnOldAddressToAPageHereOrAnotherSiteAndReadersAreSentOn() {
    String run = UUID.randomUUID().toString().substring(0, 8);

    var here = add("/about-me-" + run + "/", "/pages/about", null);
    var away = add("/mastodon-" + run, "https://social.example/@jo", false);

    assertThat(here.status()).as(here.toString()).isEqualTo(201);
    assertThat(here.header("Location")).startsWith(RULES + "/");
    assertThat(here.text("from"))
        .as("kept without its trailing slash")
        .isEqualTo("/about-me-" + run);
    assertThat(here.json().path("permanent").asBoolean()).as("a 301 unless said").isTrue();
    assertThat(away.json().path("permanent").asBoolean()).isFalse();
    assertThat(admin().get(RULES).json().path("items"))
        .extracting(rule -> rule.path("from").asString())
        .containsExactly("/about-me-" + run, "/mastodon-" + run);

    var toAbout = where("/about-me-" + run + "/");
    assertThat(toAbout.status()).isEqualTo(200);
    assertThat(toAbout.text("url")).isEqualTo("http://localhost:8080/pages/about");
    assertThat(toAbout.json().path("permanent").asBoolean()).isTrue();
    assertThat(toAbout.json().path("slug").asString(null)).as("no post lived there").isNull();
    var toMastodon = where("/mastodon-" + run + "?utm_source=card");
    assertThat(toMastodon.text("url")).isEqualTo("https://social.example/@jo");
    assertThat(toMastodon.json().path("permanent").asBoolean()).isFalse();

    where("/about-me-" + run);
    var counted = admin().get(RULES).json().path("items").path(0);
    assertThat(counted.path("hits").asLong()).as("readers sent on, for the admin").isEqualTo(2);
    assertThat(counted.path("lastHitAt").asString(null)).isNotNull();
    assertThat(admin().get(RULES).json().path("items").path(1).path("hits").asLong()).isEqualTo(1);

    String id = here.text("id");
    assertThat(admin().delete(RULES + "/" + id).status()).isEqualTo(204);
    assertThat(where("/about-me-" + run).status()).as("gone with its rule").isEqualTo(404);
    assertThat(admin().delete(RULES + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void anAddressIsSentOnlyOneWayAndOnlyAdminsManageRedirects() {
    String from = "/old-" + UUID.randomUUID();
    assertThat(add(from, "/pages/about", true).status()).isEqualTo(201);

    var again = add(from + "/", "/pages/contact", true);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.text("type")).isEqualTo("https://inkwell.dev/problems/redirect-exists");
    assertThat(where(from).text("url")).as("the first stays").endsWith("/pages/about");

    String rule = ApiClient.json(Map.of("from", "/x-" + UUID.randomUUID(), "to", "/"));
    assertThat(anonymous().post(RULES, rule).status()).isEqualTo(401);
    assertThat(anonymous().get(RULES).status()).isEqualTo(401);
    assertThat(api().post(RULES, rule).status()).as("an editor").isEqualTo(403);
    assertThat(api().get(RULES).status()).as("an editor").isEqualTo(403);
    assertThat(as("i-" + UUID.randomUUID(), "Bot", "INTEGRATION").post(RULES, rule).status())
        .isEqualTo(403);
  }

  @Test
  void whatIsNoAddressOfTheReaderSiteOrLeadsNowhereIsRefused() {
    for (String odd :
        List.of(
            "{\"from\":\"/\",\"to\":\"/pages/about\"}",
            "{\"from\":\"about-me\",\"to\":\"/pages/about\"}",
            "{\"from\":\"//evil.example\",\"to\":\"/pages/about\"}",
            "{\"from\":\"/api/posts\",\"to\":\"/pages/about\"}",
            // the admin's and the sign-in's pages answer there, never a redirect
            "{\"from\":\"/admin\",\"to\":\"/pages/about\"}",
            "{\"from\":\"/admin/settings\",\"to\":\"/pages/about\"}",
            "{\"from\":\"/login\",\"to\":\"/pages/about\"}",
            "{\"from\":\"/oauth2/authorize\",\"to\":\"/pages/about\"}",
            "{\"from\":\"/a b\",\"to\":\"/pages/about\"}",
            "{\"from\":\"/search?q=x\",\"to\":\"/pages/about\"}",
            "{\"from\":\"/loop\",\"to\":\"/loop/\"}",
            "{\"from\":\"/loop\",\"to\":\"/loop?again=1\"}",
            "{\"from\":\"/x\",\"to\":\"javascript:alert(1)\"}",
            "{\"from\":\"/x\",\"to\":\"//evil.example\"}",
            "{\"from\":\"/x\",\"to\":\"https://a.example/\\\"><script>\"}",
            "{\"from\":\"/x\",\"to\":\"\"}",
            "{\"from\":\"/" + "x".repeat(600) + "\",\"to\":\"/\"}",
            "{\"from\":{\"$ne\":null},\"to\":\"/\"}",
            "{\"from\":\"/x\"}",
            "{\"from\":\"/x\",\"to\":\"/\",\"permanent\":\"sometimes\"}",
            "not json")) {
      var refused = admin().post(RULES, odd);
      assertThat(refused.status()).as(odd).isEqualTo(400);
      assertThat(refused.header("Content-Type")).as(odd).isEqualTo("application/problem+json");
    }
    assertThat(admin().get(RULES).json().path("items")).as("nothing refused was kept").isEmpty();
    assertThat(where("/loop").status()).isEqualTo(404);
  }

  @Test
  void aRuleThatWouldLeadBackThroughOthersIsRefusedAndAChainIsNot() {
    String run = "/chain-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(admin().post(RULES, rule(run + "-a", run + "-b")).status()).isEqualTo(201);
    assertThat(admin().post(RULES, rule(run + "-b", run + "-c/")).status()).isEqualTo(201);

    var loop = admin().post(RULES, rule(run + "-c", run + "-a?from=c"));

    assertThat(loop.status()).isEqualTo(400);
    assertThat(loop.json().path("errors").get(0).path("message").asString())
        .isEqualTo(
            "to leads back to "
                + run
                + "-c through the redirect of "
                + run
                + "-a: readers would go round in a loop");
    assertThat(admin().post(RULES, rule(run + "-c", "/pages/about")).status())
        .as("the end of a chain may lead on elsewhere")
        .isEqualTo(201);
    assertThat(where(run + "-c").status()).isEqualTo(200);
  }

  private static String rule(String from, String to) {
    return ApiClient.json(Map.of("from", from, "to", to));
  }

  @Test
  void aGhostBlogsRedirectsComeAlongAndLeaveInGhostsShape() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String ghost =
        """
        [{"from": "/old-about-RUN/", "to": "/pages/about", "permanent": true},
         {"from": "^\\\\/archive-RUN\\\\.html$", "to": "https://old.example/archive", "permanent": false},
         {"from": "^/post/([0-9]+)/(.*)$", "to": "/posts/$2", "permanent": true},
         {"from": "/tag-RUN/", "to": "/tags/$1"},
         {"from": "/api/RUN", "to": "/"},
         {"from": "/old-about-RUN", "to": "/elsewhere"},
         null]"""
            .replace("RUN", run);

    var imported = admin().post(RULES + "/import", ghost);

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("added").asInt()).isEqualTo(2);
    assertThat(imported.json().path("skipped"))
        .extracting(skip -> skip.path("reason").asString())
        .hasSize(5)
        .contains(
            "a pattern: only exact addresses are kept",
            "its address uses parts of the pattern",
            "/old-about-" + run + " is sent elsewhere already; remove that redirect first.");
    var archive = where("/archive-" + run + ".html");
    assertThat(archive.text("url")).isEqualTo("https://old.example/archive");
    assertThat(archive.json().path("permanent").asBoolean()).isFalse();
    assertThat(where("/old-about-" + run).text("url")).endsWith("/pages/about");

    var exported = admin().get(RULES + "/export");
    assertThat(exported.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"redirects.json\"");
    assertThat(exported.json())
        .extracting(rule -> rule.path("from").asString())
        .containsExactlyInAnyOrder("^/archive-" + run + "\\.html/?$", "^/old-about-" + run + "/?$");
    assertThat(api().get(RULES + "/export").status()).as("an editor").isEqualTo(403);

    for (String odd :
        List.of(
            "not json",
            "{\"from\":\"/x\",\"to\":\"/\"}",
            "[{\"from\":{\"$ne\":null},\"to\":\"/\"}]",
            ApiClient.json(java.util.Collections.nCopies(1001, Map.of("from", "/x", "to", "/"))))) {
      var refused = admin().post(RULES + "/import", odd);
      assertThat(refused.status()).as(odd.substring(0, Math.min(40, odd.length()))).isEqualTo(400);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    }
  }

  @Test
  void anAddressWrittenAsGhostsPatternReadsBackAsItself() {
    for (String path : List.of("/about-me", "/old.html", "/a(b)+c$d", "/über/ç", "/x\\y")) {
      assertThat(RedirectRules.literal(RedirectRules.pattern(path))).as(path).hasValue(path);
    }
    assertThat(RedirectRules.literal("^/blog/(.*)$")).isEmpty();
    assertThat(RedirectRules.literal("/posts/\\d+")).isEmpty();
    assertThat(RedirectRules.literal("^/$")).hasValue("/");
  }

  private ApiClient.Response add(String from, String to, Boolean permanent) {
    var rule = new java.util.LinkedHashMap<String, Object>();
    rule.put("from", from);
    rule.put("to", to);
    if (permanent != null) {
      rule.put("permanent", permanent);
    }
    return admin().post(RULES, ApiClient.json(rule));
  }

  private ApiClient.Response where(String path) {
    return anonymous()
        .get("/api/redirects?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
  }
}
