package io.inkwell.testsupport;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The structure STYLE.md asks of every service, checked on its compiled classes with ArchUnit (as
 * the Spring Modulith examples and ddd-by-examples/library check theirs): the service is packaged
 * by feature ({@code post}, {@code feed}, {@code importer}), and no two features need each other,
 * so each can be read, changed and tested from its own package outwards.
 */
public final class Architecture {

  private Architecture() {}

  /** The main classes of the service whose packages start with {@code basePackage}. */
  public static JavaClasses of(String basePackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(basePackage);
  }

  /**
   * Fails, naming each cycle, when features of the service depend on each other in a circle ({@code
   * post} on {@code image} on {@code post}); a feature's own sub-packages ({@code post.web}) belong
   * to it.
   */
  public static void checkFeaturesAreFreeOfCycles(String basePackage) {
    slices()
        .matching(basePackage + ".(*)..")
        .namingSlices("$1")
        .should()
        .beFreeOfCycles()
        .check(of(basePackage));
  }
}
