package io.inkwell.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The structure STYLE.md asks of every service, checked on its compiled classes with ArchUnit (as
 * the Spring Modulith examples and ddd-by-examples/library check theirs): the service is packaged
 * by feature ({@code post}, {@code feed}, {@code importer}), its features depend on each other one
 * way only, so each can be read, changed and tested from its own package outwards, and only the web
 * edge of a feature knows HTTP.
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
   * Fails, naming each class, when a class of a feature's model or application services (outside
   * the {@code web} and {@code security} packages and the controllers) reads or answers HTTP: a
   * rule or a use case is then tied to one way of being called, and cannot be tested or reused (by
   * an import, a Kafka listener, a scheduler) without it.
   */
  public static void checkOnlyTheWebKnowsHttp(String basePackage) {
    noClasses()
        .that()
        .resideOutsideOfPackages("..web..", "..security..")
        .and()
        .areNotAnnotatedWith("org.springframework.web.bind.annotation.RestController")
        .and()
        .areNotAnnotatedWith("org.springframework.stereotype.Controller")
        .and()
        .areNotAnnotatedWith("org.springframework.web.bind.annotation.RestControllerAdvice")
        .and()
        .areNotAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework.web.bind..",
            "org.springframework.http..",
            "jakarta.servlet..",
            "org.springframework.web.servlet..")
        .check(of(basePackage));
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
