package io.inkwell.posts.file.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which {@code Range} headers a file's answer honours, and which it must ignore (RFC 9110). */
class IgnoredRangesTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bytes=0-10",
        "bytes=600000-",
        "bytes=-10",
        "BYTES=0-0",
        "bytes=0-1, 5-9",
        "bytes= 0-1 ,,-5",
        "bytes=900000-",
        "bytes=99999999999999999999-"
      })
  void byteRangesAreUnderstoodEvenBeyondTheEnd(String header) {
    assertThat(IgnoredRanges.understood(header)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "items=0-5",
        "bytes=abc",
        "bytes=5-1",
        "bytes=",
        "bytes=,",
        "bytes=1-2-3",
        "bytes=--1",
        "bytes=0x10-20",
        "bytes=١-٢",
        "0-10"
      })
  void anotherUnitOrWhatIsNoRangeIsNotUnderstood(String header) {
    assertThat(IgnoredRanges.understood(header)).isFalse();
  }
}
