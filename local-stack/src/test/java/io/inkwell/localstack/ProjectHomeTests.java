package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the stack finds the services it runs, and what it says when they are not built. */
class ProjectHomeTests {

  private static final Path ELSEWHERE = Path.of("/home/someone/Downloads");

  @Test
  void theStackStartedFromAnyFolderFindsTheProjectItWasBuiltIn() {
    assertThat(LocalStack.home(null, "local-stack/target/local-stack.jar", Path.of("/src/inkwell")))
        .isEqualTo(Path.of("/src/inkwell"));
    assertThat(LocalStack.home(null, "/src/inkwell/local-stack/target/local-stack.jar", ELSEWHERE))
        .isEqualTo(Path.of("/src/inkwell"));
    assertThat(LocalStack.home(null, "target/local-stack.jar", Path.of("/src/inkwell/local-stack")))
        .isEqualTo(Path.of("/src/inkwell"));
  }

  @Test
  void inkwellHomeIsTakenAsSaidAndAJarCopiedElsewhereLooksInTheWorkingFolder() {
    assertThat(
            LocalStack.home(
                "/srv/inkwell", "/src/inkwell/local-stack/target/local-stack.jar", ELSEWHERE))
        .isEqualTo(Path.of("/srv/inkwell"));
    assertThat(LocalStack.home(null, "/opt/local-stack.jar", ELSEWHERE)).isEqualTo(ELSEWHERE);
    // run from an IDE or by Maven: classes on a path, not one jar
    assertThat(LocalStack.home(" ", "target/classes:lib/a.jar", ELSEWHERE)).isEqualTo(ELSEWHERE);
  }

  @Test
  void aStartWhereNothingIsBuiltSaysWhatToBuildBeforeStartingOrWritingAnything(@TempDir Path home) {
    Path data = home.resolve(".inkwell");

    assertThatThrownBy(
            () ->
                LocalStack.start(new LocalStack.Settings(home, data, StackPorts.defaults(), true)))
        .isInstanceOf(NotBuilt.class)
        .hasMessageContaining("gateway/target/gateway.jar")
        .hasMessageContaining("post-service/target/post-service.jar")
        .hasMessageContaining("./mvnw -q -DskipTests package");
    assertThat(data).doesNotExist();
  }
}
