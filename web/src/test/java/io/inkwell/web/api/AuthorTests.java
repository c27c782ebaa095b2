package io.inkwell.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorTests {

  private static BlogApi.Author withWebsite(String website) {
    return new BlogApi.Author("a1", "Jo", null, website, null, 1);
  }

  @Test
  void onlyAnHttpOrHttpsWebsiteIsLinked() {
    assertThat(withWebsite("HTTPS://jo.example.org").safeWebsite()).isPresent();
    assertThat(withWebsite("http://jo.example.org/blog").websiteLabel())
        .isEqualTo("jo.example.org/blog");
    for (String unsafe :
        new String[] {
          "javascript:alert(1)", " javascript:alert(1)", "data:text/html,x", "//x.org"
        }) {
      assertThat(withWebsite(unsafe).safeWebsite()).as(unsafe).isEmpty();
      assertThat(withWebsite(unsafe).websiteLabel()).as(unsafe).isNull();
    }
    assertThat(withWebsite(null).safeWebsite()).isEmpty();
  }

  private static BlogApi.Author withAvatar(String avatar) {
    return new BlogApi.Author("a1", "Jo", null, null, avatar, 1);
  }

  @Test
  void anAvatarIsTheBlogsSmallestCopyOfItsPictureOrAnHttpsOne() {
    assertThat(withAvatar("/api/images/ab12.png").avatarUrl())
        .isEqualTo("/api/images/ab12.png?w=600");
    assertThat(withAvatar("https://pics.example/jo.png").avatarUrl())
        .isEqualTo("https://pics.example/jo.png");
    for (String unsafe :
        new String[] {"http://tracker.example/p.gif", "javascript:alert(1)", "/api/images/../x"}) {
      assertThat(withAvatar(unsafe).avatarUrl()).as(unsafe).isNull();
    }
    assertThat(withAvatar(null).avatarUrl()).isNull();
  }
}
