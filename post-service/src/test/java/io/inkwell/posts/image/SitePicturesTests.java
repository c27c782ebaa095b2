package io.inkwell.posts.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.io.SyndFeedInput;
import io.inkwell.posts.IntegrationTest;
import io.inkwell.posts.TestPictures;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.Topics;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An admin gives the blog an icon and a logo from its pictures (Ghost's publication icon and logo,
 * WordPress's site icon and custom logo): browsers show the icon in tabs and on home screens, pages
 * the logo in their header, and readers' mail is headed with them.
 */
class SitePicturesTests extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Value("${spring.kafka.bootstrap-servers}")
  private String kafka;

  @Value("${inkwell.posts.site-url}")
  private String siteUrl;

  @AfterEach
  void theIconIsThePlatformsAgainAndTheNameInLetters() {
    site(Map.of("title", "Inkwell", "description", "", "icon", "", "logo", ""));
  }

  @Test
  void anAdminGivesTheBlogALogoWhichPagesAndMailsShowInsteadOfItsName() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String logo = upload(600, 120);

    var changed =
        site(Map.of("title", "Notes " + run, "description", "", "logo", "![Notes](" + logo + ")"));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    var given = anonymous().get("/api/site").json().path("logo");
    assertThat(given.path("url").asString()).isEqualTo(logo);
    assertThat(given.path("width").asInt()).isEqualTo(600);
    assertThat(given.path("height").asInt()).as("pages keep its room").isEqualTo(120);
    var event = theSiteEventTitled("Notes " + run);
    assertThat(event.path("logo").path("url").asString()).isEqualTo(logo);

    var atom =
        new SyndFeedInput().build(new StringReader(anonymous().get("/feed.atom").raw().body()));
    assertThat(atom.getImage().getUrl()).as("Atom's logo").isEqualTo(siteUrl + logo);
    var rss =
        new SyndFeedInput().build(new StringReader(anonymous().get("/feed.rss").raw().body()));
    assertThat(rss.getImage().getUrl()).as("RSS's one image: the logo").isEqualTo(siteUrl + logo);

    site(Map.of("title", "Notes " + run, "description", ""));
    assertThat(anonymous().get("/api/site").json().path("logo").path("url").asString())
        .as("kept by a client that knows nothing of logos")
        .isEqualTo(logo);
    var deleted = admin().delete(logo);
    assertThat(deleted.status()).as("the blog's logo is in use").isEqualTo(409);

    for (String notALogo : new String[] {upload(120, 600), upload(300, 20), upload(2000, 100)}) {
      var refused = site(Map.of("title", "Inkwell", "description", "", "logo", notALogo));
      assertThat(refused.status()).as(notALogo).isEqualTo(400);
      assertThat(refused.text("detail")).startsWith("The logo must be at least 40 pixels high");
    }
    assertThat(anonymous().get("/api/site").json().path("logo").path("url").asString())
        .as("nothing refused was kept")
        .isEqualTo(logo);

    site(Map.of("title", "Inkwell", "description", "", "logo", ""));
    assertThat(anonymous().get("/api/site").json().hasNonNull("logo"))
        .as("the name in letters again")
        .isFalse();
    assertThat(admin().delete(logo).status()).isEqualTo(204);
  }

  @Test
  void anAdminGivesTheBlogAnIconWhichTheMailingServicesAreToldOf() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String icon = upload(256, 256);

    // the address as Images shows it, on the site and of a narrower copy: the picture is meant
    var changed =
        site(Map.of("title", "Notes " + run, "description", "", "icon", siteUrl + icon + "?w=600"));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.text("icon")).isEqualTo(icon);
    assertThat(anonymous().get("/api/site").text("icon")).isEqualTo(icon);
    var event = theSiteEventTitled("Notes " + run);
    assertThat(event.path("icon").asString()).isEqualTo(icon);

    var atom =
        new SyndFeedInput().build(new StringReader(anonymous().get("/feed.atom").raw().body()));
    assertThat(atom.getIcon().getUrl()).as("Atom's icon").isEqualTo(siteUrl + icon);
    var rss =
        new SyndFeedInput().build(new StringReader(anonymous().get("/feed.rss").raw().body()));
    assertThat(rss.getImage().getUrl()).as("RSS's image").isEqualTo(siteUrl + icon);
    assertThat(rss.getImage().getLink()).isEqualTo(siteUrl + "/");

    site(Map.of("title", "Notes " + run, "description", ""));
    assertThat(anonymous().get("/api/site").text("icon"))
        .as("kept by a client that knows nothing of icons")
        .isEqualTo(icon);
    var deleted = admin().delete(icon);
    assertThat(deleted.status()).as("the blog's icon is in use").isEqualTo(409);
    assertThat(deleted.text("detail")).contains("the blog's icon, logo or podcast artwork");

    site(Map.of("title", "Notes " + run, "description", "", "icon", ""));
    assertThat(anonymous().get("/api/site").json().hasNonNull("icon"))
        .as("the platform's own again")
        .isFalse();
    assertThat(admin().delete(icon).status()).as("no longer in use").isEqualTo(204);
    assertThat(
            new SyndFeedInput()
                .build(new StringReader(anonymous().get("/feed.atom").raw().body()))
                .getIcon())
        .isNull();
  }

  @Test
  void aPictureThatMakesNoIconIsRefusedAndTheIconStays() throws Exception {
    String icon = upload(64, 64);
    site(Map.of("title", "Inkwell", "description", "", "icon", icon));

    for (String notAnIcon : new String[] {upload(300, 200), upload(40, 40), upload(1200, 1200)}) {
      var refused = site(Map.of("title", "Inkwell", "description", "", "icon", notAnIcon));
      assertThat(refused.status()).as(notAnIcon).isEqualTo(400);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(refused.text("detail"))
          .startsWith("The icon must be a square picture between 60 and 1000 pixels wide");
    }
    var unknown =
        site(Map.of("title", "Inkwell", "description", "", "icon", "/api/images/nothing.png"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.text("type")).endsWith("/unknown-picture");
    var operator =
        admin()
            .put(
                "/api/site",
                "{\"title\":\"Inkwell\",\"description\":\"\",\"icon\":{\"$ne\":null}}");
    assertThat(operator.status()).isEqualTo(400);
    assertThat(
            as("editor-" + UUID.randomUUID(), "Ed", "EDITOR")
                .put(
                    "/api/site",
                    ApiClient.json(Map.of("title", "Inkwell", "description", "", "icon", "")))
                .status())
        .isEqualTo(403);
    assertThat(anonymous().get("/api/site").text("icon"))
        .as("nothing refused was kept")
        .isEqualTo(icon);
  }

  /** The one SiteChanged event with this title, as the contract says it. */
  private JsonNode theSiteEventTitled(String title) {
    var event =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    Topics.readAll(kafka, "blog.site-events").stream()
                        .filter(record -> record.value().contains(title))
                        .toList(),
                found -> found.size() == 1)
            .get(0);
    assertThat(Contracts.violations(event.value())).isEmpty();
    return JSON.readTree(event.value());
  }

  private ApiClient.Response site(Map<String, String> settings) {
    return admin().put("/api/site", ApiClient.json(settings));
  }

  private String upload(int width, int height) throws Exception {
    var uploaded =
        admin()
            .upload(
                "/api/images",
                "file",
                "icon.png",
                "image/png",
                TestPictures.picture("png", width, height));
    assertThat(uploaded.status()).as(uploaded.toString()).isIn(200, 201);
    return uploaded.text("url");
  }
}
