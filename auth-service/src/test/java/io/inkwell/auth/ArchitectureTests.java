package io.inkwell.auth;

import io.inkwell.testsupport.Architecture;
import org.junit.jupiter.api.Test;

/** The service's structure, as STYLE.md describes it, checked on its classes (ArchUnit). */
class ArchitectureTests {

  /**
   * Features depend on each other one way only: a feature that needs another's help declares what
   * it needs (an interface of its own) rather than calling back into it.
   */
  @Test
  void featuresDoNotDependOnEachOtherInCircles() {
    Architecture.checkFeaturesAreFreeOfCycles("io.inkwell.auth");
  }

  @Test
  void onlyTheWebKnowsHttp() {
    Architecture.checkOnlyTheWebKnowsHttp("io.inkwell.auth");
  }
}
