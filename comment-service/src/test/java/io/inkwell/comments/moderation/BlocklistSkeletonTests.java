package io.inkwell.comments.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A blocked word is found however a spammer disguises it, and only where it is. */
class BlocklistSkeletonTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "casino | Best CASINO bonus | true",
        "casino | Best cásíno bonus | true",
        "casino | Best ｃａｓｉｎｏ bonus | true",
        "casino | Best cas\u200Bino bonus | true",
        "casino | Best cas\u00ADino bonus | true",
        "casino | Best cаsinо bonus | true",
        "casino | Best casin0 bonus | true",
        "cásino | a casino | true",
        "casino | Best cassino bonus | false",
        "casino | Best casing bonus | false",
        "казино | лучшее КАЗИНО | true"
      })
  void aWordIsFoundWhateverCaseAccentsWidthInvisibleOrLookAlikeLettersDisguiseIt(
      String word, String text, boolean found) {
    assertThat(Blocklist.skeleton(text).contains(Blocklist.skeleton(word))).isEqualTo(found);
  }
}
