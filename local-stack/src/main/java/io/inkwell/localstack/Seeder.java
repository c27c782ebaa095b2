package io.inkwell.localstack;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills a new blog the way a person would, through the gateway: a confirmed sample subscriber
 * (confirmed with the link from the mail it got), a published welcome post, and an About page as
 * Ghost's first start makes one, for the owner to rewrite.
 */
final class Seeder {

  static final String SAMPLE_SUBSCRIBER = "reader@inkwell.localhost";
  static final String WELCOME_TITLE = "Welcome to Inkwell";
  private static final Pattern TOKEN =
      Pattern.compile("token=([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");
  private static final String WELCOME_BODY =
      """
      Inkwell is running. This post was published by the local stack when it first started, and \
      the sample subscriber *%s* got it by email.

      Sign in at [/admin](/admin) to write your own, or use the API: `POST /api/posts`, then \
      `POST /api/posts/{id}/publish`, and read the mail it causes over IMAP. The README walks \
      through it.
      """
          .formatted(SAMPLE_SUBSCRIBER);
  static final String ABOUT_TITLE = "About this blog";
  private static final String ABOUT_BODY =
      """
      This is a page, not a post: it sits in the menu of every page and in no list, feed or \
      mail. Tell readers who writes here and why; the owner changes it in the admin, under \
      Published.
      """;

  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String gateway;
  private final Credentials credentials;
  private String token;

  Seeder(String gateway, Credentials credentials) {
    this.gateway = gateway;
    this.credentials = credentials;
  }

  void seed(EmbeddedMail mail) throws IOException, InterruptedException {
    token = integrationToken();
    post("/api/subscriptions", Map.of("email", SAMPLE_SUBSCRIBER), 202);
    post("/api/subscriptions/confirm", Map.of("token", confirmationToken(mail)), 200);
    JsonNode welcome =
        post(
            "/api/posts",
            Map.of(
                "title", WELCOME_TITLE,
                "body", WELCOME_BODY,
                "tags", java.util.List.of("welcome")),
            201);
    post("/api/posts/" + welcome.path("id").asString() + "/publish", Map.of(), 200);
    JsonNode about =
        post("/api/posts", Map.of("title", ABOUT_TITLE, "body", ABOUT_BODY, "page", true), 201);
    post("/api/posts/" + about.path("id").asString() + "/publish", Map.of(), 200);
  }

  private String confirmationToken(EmbeddedMail mail) {
    // The service mails before it answers 202, so the confirmation is already caught.
    return Arrays.stream(mail.received())
        .filter(message -> isTo(message, SAMPLE_SUBSCRIBER))
        .reduce((first, second) -> second)
        .map(Seeder::token)
        .orElseThrow(() -> new IllegalStateException("No confirmation mail was sent"));
  }

  private JsonNode post(String path, Object body, int expectedStatus)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(gateway + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException(
          "Seeding failed: POST "
              + path
              + " answered "
              + response.statusCode()
              + " "
              + response.body());
    }
    return json.readTree(response.body());
  }

  /** The local integration signs in with client credentials, as any program would. */
  private String integrationToken() throws IOException, InterruptedException {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                (credentials.clientId() + ":" + credentials.clientSecret())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var request =
        HttpRequest.newBuilder(URI.create(gateway + "/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Seeding failed: no token for the local integration: " + response.statusCode());
    }
    return json.readTree(response.body()).path("access_token").asString();
  }

  private static boolean isTo(MimeMessage message, String address) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(recipient -> recipient.toString().equals(address));
    } catch (MessagingException e) {
      return false;
    }
  }

  private static String token(MimeMessage message) {
    // Quoted-printable bodies wrap long lines with a soft break ("=" at the end of the line).
    String body = GreenMailUtil.getBody(message).replace("=\r\n", "");
    Matcher matcher = TOKEN.matcher(body);
    if (!matcher.find()) {
      throw new IllegalStateException("The confirmation mail holds no token");
    }
    return matcher.group(1);
  }
}
