package io.inkwell.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An author whose episode is refused reads the limit as their files' sizes are shown. */
class PayloadTooLargeTests {

  @Test
  void theLimitIsSaidInMegabytesAndInBytes() {
    assertThat(PayloadTooLarge.detail(101L << 20))
        .isEqualTo(
            "The request body is larger than the 101 MB (105906176 bytes) this address takes.");
    assertThat(PayloadTooLarge.detail(5L << 19)).contains("2.5 MB (2621440 bytes)");
    assertThat(PayloadTooLarge.detail(1024)).contains("1 KB (1024 bytes)");
    assertThat(PayloadTooLarge.detail(500)).contains("larger than the 500 bytes this");
  }
}
