package io.inkwell.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A tag's page is at an address every firewall on the way lets through, and readable. */
class TagPathsTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "travel | /tags/travel",
        "road trips | /tags/road%20trips",
        "c/c++ | /tags/c-c++",
        "ac/dc // live | /tags/ac-dc%20-%20live",
        "100% | /tags/100-",
        "a;b\\c | /tags/a-b-c",
        ". | /tags/-",
        ".. | /tags/--",
        "... | /tags/...",
        "a?b#c | /tags/a%3Fb%23c",
        "東京 | /tags/%E6%9D%B1%E4%BA%AC"
      })
  void aTagsPageIsAtItsSlug(String tag, String path) {
    assertThat(new TagPaths().of(tag)).isEqualTo(path);
  }
}
