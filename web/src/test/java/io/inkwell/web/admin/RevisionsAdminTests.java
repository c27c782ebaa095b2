package io.inkwell.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.web.admin.RevisionsAdmin.Line;
import org.junit.jupiter.api.Test;

/** A revision beside the current text, line by line, as the revision page shows it. */
class RevisionsAdminTests {

  @Test
  void aChangedLineIsShownAsTheOldAndTheNewAndTheRestAsItIs() {
    var lines =
        RevisionsAdmin.changes(
            "Packing for WPC.\nFlights at six.\nSee you there.",
            "Packing for WPC.\nFlights at seven.\nSee you there.\nP.S. Bring a coat.");

    assertThat(lines)
        .containsExactly(
            new Line("same", "Packing for WPC."),
            new Line("old", "Flights at six."),
            new Line("new", "Flights at seven."),
            new Line("same", "See you there."),
            new Line("new", "P.S. Bring a coat."));
  }

  @Test
  void theSameTextIsAllTheSameAndAnEmptyOneAllNew() {
    assertThat(RevisionsAdmin.changes("One.\nTwo.", "One.\nTwo."))
        .extracting(Line::kind)
        .containsOnly("same");
    assertThat(RevisionsAdmin.changes("", "One.\nTwo."))
        .containsExactly(new Line("new", "One."), new Line("new", "Two."));
  }
}
