package io.inkwell.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.post.PostStatus;
import io.inkwell.posts.post.Posts;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.TestMongo;
import io.inkwell.testsupport.TestTokens;
import io.inkwell.testsupport.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running post-service against the module's real Kafka broker and MongoDB wire server. All
 * subclasses share one application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "inkwell.outbox.poll-interval=100ms"
    })
public abstract class IntegrationTest {

  @Value("${local.server.port}")
  protected int port;

  @DynamicPropertySource
  static void mongo(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> TestMongo.uri("posts"));
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
  }

  /** An editor's client: most tests are about what editors and authors do. */
  protected ApiClient api() {
    return as(EDITOR, "Eddie Editor", "EDITOR");
  }

  /** An admin's client: imports, exports and the blog's settings are theirs. */
  protected ApiClient admin() {
    return as("admin-1", "Ada Admin", "ADMIN");
  }

  /** A reader without a token. */
  protected ApiClient anonymous() {
    return new ApiClient("http://localhost:" + port);
  }

  protected ApiClient as(String id, String name, String role) {
    return anonymous().withToken(TestTokens.staff(id, name, role));
  }

  protected static final String EDITOR = "editor-1";

  @Autowired private Posts storedPosts;

  /**
   * The status of the post of this title, as stored (an import's, whose id a test does not know).
   */
  protected PostStatus statusOf(String title) {
    return storedPosts.findAll().stream()
        .filter(post -> post.title().equals(title))
        .findFirst()
        .orElseThrow()
        .status();
  }

  /** A post this staff member writes and publishes at once; its id. */
  protected String published(ApiClient author, String title) {
    var created =
        author.post("/api/posts", ApiClient.json(Map.of("title", title, "body", "Some words.")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.text("id");
    assertThat(author.post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);
    return id;
  }

  /** A post with these tags, as its author wrote them, published at once; its id. */
  protected String publishedWithTags(String... tags) {
    var created =
        api()
            .post(
                "/api/posts",
                ApiClient.json(Map.of("title", "Tagged", "body", "Body", "tags", List.of(tags))));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.text("id");
    assertThat(api().post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);
    return id;
  }

  /** The tags of a post, as an editor reads them. */
  protected List<String> tagsOf(String id) {
    return api()
        .get("/api/posts/" + id)
        .json()
        .path("tags")
        .valueStream()
        .map(JsonNode::asString)
        .toList();
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Value("${spring.kafka.bootstrap-servers}")
  private String brokers;

  /**
   * The events on {@code blog.post-events} about this post, in order, each true to its contract.
   */
  protected List<JsonNode> postEventsOf(String postId) {
    return Topics.readAll(brokers, "blog.post-events").stream()
        .filter(record -> postId.equals(record.key()))
        .peek(record -> assertThat(Contracts.violations(record.value())).isEmpty())
        .map(record -> JSON.readTree(record.value()))
        .toList();
  }

  /** A file of the test resources ("/blogger/export.xml"), as text. */
  protected static String resource(String path) throws IOException {
    try (var in = IntegrationTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
