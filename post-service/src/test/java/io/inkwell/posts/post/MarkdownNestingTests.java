package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The look at each line before parsing: a line that opens more than a hundred quotes and list items
 * is refused unparsed (CommonMark would take seconds over a long one); a line that only looks like
 * markers, or opens fewer, is left to the parser.
 */
class MarkdownNestingTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        ">",
        "> ",
        "- ",
        "* ",
        "+ ",
        "1. ",
        "2) ",
        "123456789. ",
        "\t- ",
      })
  void aLineOpeningMoreThanAHundredIsRefusedUnparsed(String marker) {
    String text = "First paragraph.\n\n" + marker.repeat(101) + "x\nLast line.";

    assertThatThrownBy(() -> MarkdownNesting.checkLines(text)).isInstanceOf(NestedTooDeeply.class);
    assertThatCode(() -> MarkdownNesting.checkLines(marker.repeat(100) + "x"))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "----------",
        "**********",
        "1234567890. a year",
        "-x",
        "1.x",
        "a > b",
        "    code",
      })
  void whatOnlyLooksLikeMarkersIsNotCounted(String text) {
    assertThatCode(() -> MarkdownNesting.checkLines((text + " ").repeat(200) + "\n" + text))
        .doesNotThrowAnyException();
  }

  @Test
  void aParagraphPilingUpBracketsOrEmphasisMarksIsRefusedUnparsed() {
    String links = "[a](https://example.org) ".repeat(1_000);
    String italics = "_a_ ".repeat(5_000);

    assertThatCode(() -> MarkdownNesting.checkLines(links + "\n\n" + links + "\n\n" + italics))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> MarkdownNesting.checkLines("```\n" + "a[i] = *p;\n".repeat(20_000) + "```"))
        .doesNotThrowAnyException();
    for (String piled :
        List.of(
            links + "\n" + links,
            italics + "*",
            "![".repeat(500_000) + "x",
            "```a`b\n" + "![".repeat(1_001),
            "~~~\n~~~\n" + "[".repeat(1_001))) {
      assertThatThrownBy(() -> MarkdownNesting.checkLines(piled))
          .as(piled.substring(0, 12))
          .isInstanceOf(NestedTooDeeply.class)
          .hasMessageContaining("in one paragraph");
    }
  }
}
