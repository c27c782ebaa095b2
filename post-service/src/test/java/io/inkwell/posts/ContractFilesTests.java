package io.inkwell.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testsupport.Contracts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example in contracts/ is valid against its own schema, so consumers test with truth. */
class ContractFilesTests {

  static Stream<Path> examples() throws IOException {
    return Files.list(Contracts.DIRECTORY.resolve("examples")).sorted();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void theExampleMatchesItsSchema(Path example) throws IOException {
    String contract = example.getFileName().toString().replaceFirst("\\.json$", "");
    assertThat(Contracts.violations(Files.readString(example), contract)).isEmpty();
  }

  /** The webhook body's schema holds receivers to something: a post's change names the post. */
  @org.junit.jupiter.api.Test
  void aWebhookCallWithoutWhatChangedBreaksItsContract() throws IOException {
    var call = Contracts.example("webhook-call");
    call.remove("post");

    assertThat(Contracts.violations(call.toString(), "webhook-call")).isNotEmpty();
  }
}
