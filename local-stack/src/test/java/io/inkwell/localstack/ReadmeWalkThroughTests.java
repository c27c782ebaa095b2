package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inkwell.testsupport.ApiClient;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's curl walk-through, run as it is written, with bash and curl, against the local
 * stack: its "Signing in" block for the token, then each numbered step of "Publish to inbox, by
 * hand" in turn. Only the addresses change (the stack here runs on free ports), and where the
 * README says "a second later" the test waits for what a person would have seen by then. A README
 * whose commands no longer work (a step that takes the wrong link's token) fails here, not in a
 * newcomer's terminal. Skipped where bash or curl is not installed.
 */
class ReadmeWalkThroughTests {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String SUBSCRIBER = "you@example.org";
  private static final Pattern STEP = Pattern.compile("^# (\\d+\\.|Bad input).*");

  private static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(installed("bash") && installed("curl"), "bash and curl run the README's commands");
    stack = TestStack.get();
  }

  @Test
  void theReadmesCurlWalkThroughPublishesToTheInboxAsWritten(@TempDir Path folder)
      throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    // the README's commands read the credentials from .inkwell in the folder the stack runs in
    Files.createSymbolicLink(folder.resolve(".inkwell"), stack.dataFolder());
    String signingIn = block(readme, "## Signing in");
    String walkThrough = block(readme, "## Publish to inbox, by hand");
    var shell = new Shell(folder, signingIn + walkThrough);
    List<String> steps = steps(walkThrough);
    assertThat(steps).as("the preamble, steps 1 to 7 and the bad input").hasSize(9);

    assertThat(shell.run(signingIn)).contains("\"title\":\"Hello\"");
    shell.run(steps.get(0));
    assertThat(shell.run(steps.get(1))).contains("Check your inbox");
    await().atMost(PATIENCE).until(() -> !TestStack.mailsTo(SUBSCRIBER).isEmpty());
    shell.run(steps.get(2));
    assertThat(shell.variable("TOKEN")).isNotBlank();
    assertThat(shell.run(steps.get(3))).contains("\"status\":\"CONFIRMED\"");
    assertThat(shell.run(steps.get(4))).contains("\"status\":\"PUBLISHED\"");
    String id = shell.variable("ID");
    var editor = new ApiClient(stack.gatewayUrl()).withToken(shell.variable("T"));
    // "a second later": the subscriber has the post's mail, and no delivery is pending
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                TestStack.mailsTo(SUBSCRIBER, "Wrapping up the WPC").size() == 1
                    && editor.get("/api/posts/" + id + "/deliveries").json().path("pending").asInt()
                        == 0);

    String delivered = shell.run(steps.get(5));
    assertThat(delivered).contains("\"pending\":0").contains("Wrapping up the WPC");
    assertThat(delivered).as("the post's mail itself").contains("It was a good week.");
    await()
        .atMost(PATIENCE)
        .until(() -> editor.get("/api/posts/" + id + "/comments").status() == 200);
    assertThat(shell.run(steps.get(6))).contains("Thanks for the <em>notes</em>!");
    assertThat(total(shell.run(steps.get(7)))).as("publishing again").isEqualTo(total(delivered));
    assertThat(shell.run(steps.get(8)))
        .contains("problems/malformed-body")
        .contains("problems/unauthorized");
  }

  /** The {@code sh} block under a heading, with the stack's addresses for the local stack's. */
  private static String block(String readme, String heading) {
    int section = readme.indexOf("\n" + heading + "\n");
    assertThat(section).as(heading).isNotNegative();
    int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
    int end = readme.indexOf("```", start);
    return readme
        .substring(start, end)
        .replace("http://localhost:8080", stack.gatewayUrl())
        .replace("imap://localhost:3143", "imap://localhost:" + stack.imapPort());
  }

  /** The lines before step 1, then each step from its numbered comment to the next. */
  private static List<String> steps(String block) {
    var steps = new ArrayList<String>();
    var step = new StringBuilder();
    for (String line : block.split("\n")) {
      if (STEP.matcher(line).matches()) {
        steps.add(step.toString());
        step.setLength(0);
      }
      step.append(line).append('\n');
    }
    steps.add(step.toString());
    return steps;
  }

  /** The last {@code total} of deliveries an output shows. */
  private static int total(String output) {
    Matcher matcher = Pattern.compile("\"total\":(\\d+)").matcher(output);
    int total = -1;
    while (matcher.find()) {
      total = Integer.parseInt(matcher.group(1));
    }
    assertThat(total).as(output).isPositive();
    return total;
  }

  private static boolean installed(String command) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
  }

  /**
   * Runs the README's steps one after another as one terminal would: each in bash in the same
   * folder, with the variables and functions the steps before it set.
   */
  private static final class Shell {

    private static final Pattern ASSIGNED = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_]*)=");
    private static final Pattern DEFINED = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_]*)\\(\\)");

    private final Path folder;
    private final String kept;

    /** A shell that keeps, from step to step, what the commands assign and define. */
    Shell(Path folder, String commands) {
      this.folder = folder;
      this.kept =
          "declare -p "
              + String.join(" ", names(ASSIGNED, commands))
              + "; declare -f "
              + String.join(" ", names(DEFINED, commands));
    }

    private static Set<String> names(Pattern pattern, String commands) {
      var names = new TreeSet<String>();
      pattern.matcher(commands).results().forEach(found -> names.add(found.group(1)));
      return names;
    }

    String run(String commands) throws IOException, InterruptedException {
      Files.writeString(folder.resolve("step.sh"), commands);
      var process =
          new ProcessBuilder(
                  "bash",
                  "-c",
                  "[ -f state.sh ] && . ./state.sh; . ./step.sh; { "
                      + kept
                      + "; } > state.sh 2> /dev/null; true")
              .directory(folder.toFile())
              .redirectErrorStream(true)
              .redirectOutput(folder.resolve("output.txt").toFile())
              .start();
      boolean ended = process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      if (!ended) {
        process.destroyForcibly();
      }
      assertThat(ended).as("the step ends: " + commands).isTrue();
      return Files.readString(folder.resolve("output.txt"), StandardCharsets.UTF_8);
    }

    String variable(String name) throws IOException, InterruptedException {
      return run("printf %s \"$" + name + "\"");
    }
  }
}
