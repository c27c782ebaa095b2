package io.inkwell.localstack;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.SignIn;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.springframework.util.FileSystemUtils;

/**
 * One local stack for every end-to-end test of the module, on free ports and a fresh data folder,
 * started by the first test that asks and stopped when the test JVM ends. Every per-address rate
 * limit is raised, the general one too: every request here comes from 127.0.0.1, and a fast machine
 * makes more than 600 a minute (the limits themselves are tested in the gateway module).
 */
final class TestStack {

  private static LocalStack stack;
  private static String integrationToken;

  private TestStack() {}

  static synchronized LocalStack get() throws Exception {
    if (stack == null) {
      Path home = Path.of("..").toAbsolutePath().normalize();
      Path data = Files.createTempDirectory("inkwell-e2e");
      stack =
          LocalStack.start(
              new LocalStack.Settings(
                  home,
                  data,
                  StackPorts.free(),
                  true,
                  Map.of(
                      "INKWELL_COMMENT_CLIENT_LIMIT",
                      "1000",
                      "INKWELL_SUBSCRIBE_LIMIT",
                      "1000",
                      "SPRING_APPLICATION_JSON",
                      """
                      {"inkwell":{"gateway":{"rate-limits":{
                        "comments":{"capacity":1000},
                        "subscriptions":{"capacity":1000},
                        "sign-in":{"capacity":1000},
                        "general":{"capacity":1000000}}}}}""")));
      LocalStack started = stack;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    started.close();
                    deleteQuietly(data);
                  }));
    }
    return stack;
  }

  /**
   * Removes a folder the tests made (the stack's copies of the services' jars alone are half a
   * gigabyte), so that test runs do not fill the machine's temporary folder. What cannot be removed
   * (a file still held by a process that is going away) stays for the system to clear.
   */
  static void deleteQuietly(Path folder) {
    try {
      FileSystemUtils.deleteRecursively(folder);
    } catch (IOException | UncheckedIOException leftBehind) {
      // the temporary folder is the system's to clear in the end
    }
  }

  /** A token of the local integration, which the stack created on its first start. */
  static synchronized String integrationToken() throws Exception {
    if (integrationToken == null) {
      var credentials = get().credentials();
      integrationToken =
          new SignIn(get().gatewayUrl())
              .clientCredentials(credentials.clientId(), credentials.clientSecret());
    }
    return integrationToken;
  }

  /** The same, for lambdas and assertions that cannot throw checked exceptions. */
  static String integrationTokenUnchecked() {
    try {
      return integrationToken();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The mail the stack's SMTP server caught for this address with this subject. */
  static List<MimeMessage> mailsTo(String address, String subject) {
    return mailsTo(address).stream().filter(message -> subject.equals(subject(message))).toList();
  }

  /** The mail the stack's SMTP server caught for this address. */
  static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(stack.receivedMail())
        .filter(
            message -> {
              try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> to.toString().equals(address));
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  /**
   * A mail's words as its reader's mail client shows them: each text part (plain and HTML) decoded
   * from its transfer encoding (quoted-printable wraps long lines and escapes {@code =}), one after
   * the other.
   */
  static String text(MimeMessage message) {
    try {
      StringBuilder text = new StringBuilder();
      appendText(message, text);
      return text.toString();
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void appendText(Part part, StringBuilder text)
      throws MessagingException, IOException {
    if (part.isMimeType("text/*")) {
      text.append(part.getContent()).append('\n');
    } else if (part.getContent() instanceof Multipart parts) {
      for (int i = 0; i < parts.getCount(); i++) {
        appendText(parts.getBodyPart(i), text);
      }
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the service has logged a line holding every one of {@code parts}. */
  static boolean logged(String service, String... parts) throws java.io.IOException {
    java.nio.file.Path log =
        stack.services().stream()
            .filter(each -> each.name().equals(service))
            .findFirst()
            .orElseThrow()
            .log();
    return java.nio.file.Files.readAllLines(log).stream()
        .anyMatch(line -> java.util.Arrays.stream(parts).allMatch(line::contains));
  }

  /** A real PNG of this size, as a camera or screenshot tool would give it. */
  static byte[] picture(int width, int height) {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var graphics = image.createGraphics();
    graphics.setColor(new Color(200, 90, 40));
    graphics.fillRect(0, 0, (width + 1) / 2, height);
    graphics.dispose();
    var out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Publishes a post as the local integration and leaves a first-time reader's comment on it (held
   * under the default policy), once comment-service knows the post; the post's id.
   */
  static String postWithAHeldComment(String title, String comment) throws Exception {
    var reader = new ApiClient(get().gatewayUrl());
    var bot = reader.withToken(integrationToken());
    String postId =
        bot.post("/api/posts", ApiClient.json(Map.of("title", title, "body", "b"))).text("id");
    bot.post("/api/posts/" + postId + "/publish", "");
    commentOnceKnown(postId, "Ada", UUID.randomUUID() + "@example.org", comment);
    return postId;
  }

  /**
   * A reader's comment on a post just published, sent (from a page read a minute ago) once
   * comment-service knows the post; the answer of 201.
   */
  static ApiClient.Response commentOnceKnown(String postId, String name, String email, String body)
      throws Exception {
    return commentOnceKnown(postId, name, email, body, false);
  }

  /**
   * The same, its writer asking, if {@code follow}, to hear of every later comment on the post
   * (Blogger's "Notify me").
   */
  static ApiClient.Response commentOnceKnown(
      String postId, String name, String email, String body, boolean follow) throws Exception {
    var reader = new ApiClient(get().gatewayUrl());
    return Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                reader.post(
                    "/api/posts/" + postId + "/comments",
                    ApiClient.json(
                        Map.of(
                            "authorName",
                            name,
                            "authorEmail",
                            email,
                            "body",
                            body,
                            "notifyOnComments",
                            follow,
                            "renderedAt",
                            Instant.now().minusSeconds(60).toString()))),
            answer -> answer.status() == 201);
  }
}
