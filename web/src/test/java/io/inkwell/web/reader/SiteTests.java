package io.inkwell.web.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.inkwell.web.TestSettings;
import io.inkwell.web.api.BlogApi;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blog's language as its pages declare it: which language, and which way the text runs (as
 * post-service tells; what is no tag, or no direction, is not used).
 */
class SiteTests {

  private final BlogApi api = mock(BlogApi.class);
  private final Site site = new Site(TestSettings.inZone("UTC"), api);

  @ParameterizedTest
  @CsvSource({
    "ar, rtl, ar, rtl",
    "fa-IR, rtl, fa-IR, rtl",
    "de-CH, ltr, de-CH, ltr",
    "ja, , ja, ltr",
    "en, sideways, en, ltr",
    "'en\"><script>', rtl, en, ltr",
    "'', , en, ltr",
    ", , en, ltr"
  })
  void aPageSaysWhichLanguageItIsInAndWhichWayItsTextRuns(
      String set, String runs, String language, String direction) {
    when(api.site())
        .thenReturn(
            Optional.of(
                new BlogApi.SiteIdentity(
                    "T", "", List.of(), set, runs, null, null, null, null, null)));

    assertThat(site.language()).isEqualTo(language);
    assertThat(site.direction()).isEqualTo(direction);
  }

  @ParameterizedTest
  @CsvSource({
    "/api/images/3f2a.png, /api/images/3f2a.png",
    "javascript:alert(1), ",
    "//evil.example/icon.png, ",
    "'/api/images/a\"><script>', ",
    "https://elsewhere.example/icon.png, ",
    ", "
  })
  void theIconIsUsedOnlyWhenItIsOneOfTheBlogsPictures(String set, String used) {
    when(api.site())
        .thenReturn(
            Optional.of(
                new BlogApi.SiteIdentity(
                    "T", "", List.of(), "en", "ltr", null, null, set, null, null)));

    assertThat(site.icon()).isEqualTo(used);
  }

  @ParameterizedTest
  @CsvSource({
    "/api/images/9e8d.png, 600, 120, true",
    "javascript:alert(1), 600, 120, false",
    "https://elsewhere.example/logo.png, 600, 120, false",
    "/api/images/9e8d.png, 0, 120, false"
  })
  void theLogoIsUsedOnlyWhenItIsOneOfTheBlogsPicturesOfAKnownSize(
      String url, int width, int height, boolean used) {
    var logo = new BlogApi.Logo(url, width, height);
    when(api.site())
        .thenReturn(
            Optional.of(
                new BlogApi.SiteIdentity(
                    "T", "", List.of(), "en", "ltr", null, null, null, logo, null)));

    assertThat(site.logo()).isEqualTo(used ? logo : null);
  }

  @ParameterizedTest
  @CsvSource({"pt-BR, pt_BR", "de, ''"})
  void sharedLinksNameTheLanguageWithItsCountry(String set, String ogLocale) {
    when(api.site())
        .thenReturn(
            Optional.of(
                new BlogApi.SiteIdentity(
                    "T", "", List.of(), set, "ltr", null, null, null, null, null)));

    assertThat(site.ogLocale()).isEqualTo(ogLocale.isEmpty() ? null : ogLocale);
  }

  @ParameterizedTest
  @CsvSource({
    "https://podcasts.apple.com/us/podcast/the-harbour-hour/id1234567890,"
        + " https://open.spotify.com/show/5CfCWKI5pZ28U0uOzXkDHe, true, true",
    "javascript:alert(1), https://evil.example/show/5CfCWKI5pZ28U0uOzXkDHe, false, false",
    ", , false, false"
  })
  void aPodcastsListenersAreSentOnlyToItsPagesInTheDirectories(
      String apple, String spotify, boolean appleLinked, boolean spotifyLinked) {
    when(api.site())
        .thenReturn(
            Optional.of(
                new BlogApi.SiteIdentity(
                    "T",
                    "",
                    List.of(),
                    "en",
                    "ltr",
                    null,
                    null,
                    null,
                    null,
                    new BlogApi.Podcast("History", apple, spotify))));

    assertThat(site.podcast().applePodcasts()).isEqualTo(appleLinked ? apple : null);
    assertThat(site.podcast().spotify()).isEqualTo(spotifyLinked ? spotify : null);
  }

  @Test
  void aBlogThatIsNoPodcastSaysNothingOfListening() {
    when(api.site())
        .thenReturn(
            Optional.of(
                new BlogApi.SiteIdentity(
                    "T", "", List.of(), "en", "ltr", null, null, null, null, null)));

    assertThat(site.podcast()).isNull();
  }
}
