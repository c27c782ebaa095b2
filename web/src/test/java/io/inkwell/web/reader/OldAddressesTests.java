package io.inkwell.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OldAddressesTests {

  @Test
  void anAuthorsNameIsSluggedAsWordPressAndGhostSlugIt() {
    assertThat(OldAddresses.slugOf("Jane Doé")).isEqualTo("jane-doe");
    assertThat(OldAddresses.slugOf("  Ann-Marie O'Neil ")).isEqualTo("ann-marie-oneil");
    assertThat(OldAddresses.slugOf("Zoë & Jürgen")).isEqualTo("zoe-jurgen");
    assertThat(OldAddresses.slugOf("Søren Weiß")).isEqualTo("soren-weiss");
    assertThat(OldAddresses.slugOf("Łukasz Æbelø")).isEqualTo("lukasz-aebelo");
  }
}
