package io.inkwell.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The stack was asked to start where the services' jars are not (yet) built: said before anything
 * starts, with the command that builds them.
 */
final class NotBuilt extends IllegalStateException {

  private NotBuilt(String message) {
    super(message);
  }

  static void check(Path home, Function<String, Path> jarOf) {
    List<String> missing =
        LocalStack.SERVICES.stream()
            .map(jarOf)
            .filter(jar -> !Files.isRegularFile(jar))
            .map(jar -> home.relativize(jar).toString())
            .toList();
    if (!missing.isEmpty()) {
      throw new NotBuilt(
          "Inkwell is not built in "
              + home
              + " ("
              + String.join(", ", missing)
              + " missing). Build it there first: ./mvnw -q -DskipTests package,"
              + " or set INKWELL_HOME to the folder where it is built.");
    }
  }
}
