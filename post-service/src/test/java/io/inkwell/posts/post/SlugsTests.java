package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTests {

  @Test
  void foldsUnicodeToLowerCaseAsciiWords() {
    assertThat(Slugs.fromTitle("Café à la carte: 10 ways!")).isEqualTo("cafe-a-la-carte-10-ways");
    assertThat(Slugs.fromTitle("  Ünïcödé — Straße  ")).isEqualTo("unicode-strasse");
    assertThat(Slugs.fromTitle("Smørrebrød in Łódź")).isEqualTo("smorrebrod-in-lodz");
  }

  @Test
  void titlesInOtherScriptsAreWrittenInLatinLetters() {
    assertThat(Slugs.fromTitle("Привет, мир")).isEqualTo("privet-mir");
    assertThat(Slugs.fromTitle("Ελληνικά νέα")).isEqualTo("ellenika-nea");
    assertThat(Slugs.fromTitle("日本の散歩")).isEqualTo("ri-benno-san-bu");
    assertThat(Slugs.fromTitle("Kyiv — Київ")).isEqualTo("kyiv-kiiv");
  }

  @Test
  void aTitleWithoutLettersOrDigitsStillGetsASlug() {
    assertThat(Slugs.fromTitle("!!!")).isEqualTo("post");
    assertThat(Slugs.fromTitle("🙂🙂")).isEqualTo("post");
  }

  @Test
  void longTitlesAreCutWithoutATrailingHyphen() {
    String slug = Slugs.fromTitle("word ".repeat(40));
    assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
    assertThat(slug).matches(Slugs.PATTERN);
  }

  @Test
  void takenSlugsGetANumberedAlternative() {
    assertThat(Slugs.candidate("hello", 1)).isEqualTo("hello");
    assertThat(Slugs.candidate("hello", 2)).isEqualTo("hello-2");
  }
}
