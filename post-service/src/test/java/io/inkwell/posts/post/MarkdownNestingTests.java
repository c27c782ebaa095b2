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

  /**
   * For each line of a paragraph that begins with a mark, the parser looks back over the paragraph:
   * a few thousand such lines run together are read, a hundred thousand list items too (each item a
   * paragraph of its own), but not tens of thousands of lines the parser would each time look back
   * over.
   */
  @Test
  void linesRunTogetherAreTakenUpToWhatTheParserLooksBackOver() {
    for (String taken :
        List.of(
            "para\n" + "#a\n".repeat(19_000),
            "- a\n".repeat(100_000),
            "1. [x](y)\n".repeat(50_000),
            "> a\n".repeat(100_000),
            ("para\n" + "#a\n".repeat(3_000) + "\n").repeat(20))) {
      assertThatCode(() -> MarkdownNesting.checkLines(taken))
          .as(taken.substring(0, 8))
          .doesNotThrowAnyException();
    }
    for (String refused :
        List.of(
            "para\n" + "#a\n".repeat(21_000),
            "a\n".repeat(300_000) + "#a\n".repeat(1_000),
            "> #a\n".repeat(21_000),
            "para\n" + "2. a\n".repeat(21_000))) { // numbers but 1 go on the paragraph
      assertThatThrownBy(() -> MarkdownNesting.checkLines(refused))
          .as(refused.substring(0, 8))
          .isInstanceOf(NestedTooDeeply.class)
          .hasMessageContaining("blank lines between its paragraphs");
    }
  }

  /** A fence is no fence inside an HTML block, so fenced code's lines are looked at too. */
  @Test
  void aFencedLineOpeningMoreThanAHundredIsRefusedAllTheSame() {
    assertThatThrownBy(() -> MarkdownNesting.checkLines("```\n" + "> ".repeat(101) + "x\n```"))
        .isInstanceOf(NestedTooDeeply.class);
  }

  @Test
  void aParagraphPilingUpBracketsOrEmphasisMarksIsRefusedUnread() {
    String links = "[a](https://example.org) ".repeat(1_000);
    String italics = "_a_ ".repeat(5_000);

    assertThatCode(() -> MarkdownNesting.checkPieces(links + "\n\n" + links + "\n\n" + italics))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> MarkdownNesting.checkPieces("```\n" + "a[i] = *p;\n".repeat(20_000) + "```"))
        .doesNotThrowAnyException();
    for (String piled :
        List.of(
            links + "\n" + links,
            italics + "*",
            "# " + "![".repeat(1_001),
            "| a |\n|---|\n| " + "[".repeat(1_001) + " |",
            "![".repeat(500_000) + "x",
            "```a`b\n" + "![".repeat(1_001), // no fence: a backtick in its info string
            "~~~\n~~~\n" + "[".repeat(1_001),
            // what only looks like a fence, in an HTML block or a table's row, opens none
            "<div>\n```\n\n" + "[".repeat(1_001),
            "| a |\n|---|\n``` |\n" + "[".repeat(1_001))) {
      assertThatThrownBy(() -> MarkdownNesting.checkPieces(piled))
          .as(piled.substring(0, 12))
          .isInstanceOf(NestedTooDeeply.class)
          .hasMessageContaining("in one paragraph");
    }
  }

  /**
   * CommonMark reads each list item's and footnote's text alone, so a long list of links, a long
   * numbered one or a long list of footnotes is no paragraph of them; a line that instead goes on
   * the paragraph before it counts with that paragraph.
   */
  @Test
  void listItemsAndFootnotesCountApartAndWhatGoesOnAParagraphCountsWithIt() {
    var bullets = new StringBuilder();
    var numbered = new StringBuilder();
    var footnotes = new StringBuilder();
    for (int i = 1; i <= 1_500; i++) {
      bullets.append("- [Link ").append(i).append("](https://example.org/").append(i).append(")\n");
      numbered.append(i).append(". [Link](https://example.org/").append(i).append(")\n");
      footnotes.append("[^").append(i).append("]: See [this](https://example.org/)\n");
    }
    String italics = "* _a_ and _b_\n".repeat(5_000);

    for (String list :
        List.of(bullets.toString(), numbered.toString(), footnotes.toString(), italics)) {
      assertThatCode(() -> MarkdownNesting.checkPieces(list))
          .as(list.substring(0, 12))
          .doesNotThrowAnyException();
    }
    String brackets = "[".repeat(600);
    for (String oneParagraph :
        List.of(
            brackets + "\n2. " + brackets, // a number but 1 goes on a paragraph
            "- " + brackets + "\n  2. " + brackets, // and on an item's, indented as its text
            "- # Heading\n" + brackets + "\n2. " + brackets,
            brackets + "\n    - " + brackets, // indented four spaces
            brackets + "\n+ \n" + brackets, // an empty item
            brackets + "\n[^a note]: " + brackets)) { // no footnote: a space in its label
      assertThatThrownBy(() -> MarkdownNesting.checkPieces(oneParagraph))
          .as(oneParagraph.replace(brackets, "[…"))
          .isInstanceOf(NestedTooDeeply.class);
    }
  }
}
