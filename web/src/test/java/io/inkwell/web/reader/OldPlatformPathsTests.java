package io.inkwell.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OldPlatformPathsTests {

  /** The blog has these tags, by name (case as readers typed it) and by WordPress's slug. */
  private static final Map<String, String> TAGS =
      Map.of(
          "travel",
          "/tags/travel",
          "wpc 2009",
          "/tags/wpc%202009",
          "long walks",
          "/tags/long%20walks");

  /** The blog has this author, by their name's slug on the old platform. */
  private static final Map<String, String> AUTHORS = Map.of("jane-doe", "/authors/ghost-1a2b");

  private static Optional<String> here(String path, String query) {
    return OldPlatformPaths.of(
        path,
        query,
        name -> Optional.ofNullable(TAGS.get(name.toLowerCase().replace('-', ' '))),
        slug -> Optional.ofNullable(AUTHORS.get(slug)));
  }

  @Test
  void feedReadersKeepTheBlogsFeedWhicheverPlatformTheySubscribedOn() {
    assertThat(here("/feeds/posts/default", null)).hasValue("/feed.atom");
    assertThat(here("/feeds/posts/default", "alt=rss")).hasValue("/feed.rss");
    assertThat(here("/feeds/posts/summary/", null)).hasValue("/feed.atom");
    assertThat(here("/feeds/posts/full", null)).hasValue("/feed.atom");
    // Blogger's feeds of before 2007, which its blogs still answer
    assertThat(here("/atom.xml", null)).hasValue("/feed.atom");
    assertThat(here("/rss.xml", null)).hasValue("/feed.rss");
    assertThat(here("/feeds/posts/default/-/WPC 2009", "alt=rss"))
        .hasValue("/tags/wpc%202009/feed.rss");
    assertThat(here("/feed/", null)).hasValue("/feed.rss");
    assertThat(here("/feed", null)).hasValue("/feed.rss");
    assertThat(here("/feed/atom/", null)).hasValue("/feed.atom");
    assertThat(here("/tag/long-walks/feed/", null)).hasValue("/tags/long%20walks/feed.rss");
    // and the comment feeds, of the blog or (on Blogger, by its own post id) of one post
    assertThat(here("/feeds/comments/default", null)).hasValue("/comments/feed.atom");
    assertThat(here("/feeds/2518733/comments/default", "alt=rss")).hasValue("/comments/feed.rss");
    assertThat(here("/comments/feed/", null)).hasValue("/comments/feed.rss");
    assertThat(here("/comments/feed/atom", null)).hasValue("/comments/feed.atom");
    // Ghost's feeds: the blog's, a tag's and an author's
    assertThat(here("/rss/", null)).hasValue("/feed.rss");
    assertThat(here("/tag/long-walks/rss/", null)).hasValue("/tags/long%20walks/feed.rss");
    assertThat(here("/author/jane-doe/rss/", null)).hasValue("/authors/ghost-1a2b/feed.rss");
    // and WordPress's feeds of an author
    assertThat(here("/author/jane-doe/feed/", null)).hasValue("/authors/ghost-1a2b/feed.rss");
    assertThat(here("/author/jane-doe/feed/atom/", null)).hasValue("/authors/ghost-1a2b/feed.atom");
  }

  @Test
  void labelCategoryAndArchivePagesLeadToTheirPagesHere() {
    assertThat(here("/search/label/Travel", null)).hasValue("/tags/travel");
    assertThat(here("/category/long-walks/", null)).hasValue("/tags/long%20walks");
    assertThat(here("/category/outdoors/long-walks/", null))
        .as("a nested category is its last part")
        .hasValue("/tags/long%20walks");
    assertThat(here("/tag/travel", null)).hasValue("/tags/travel");
    assertThat(here("/2009/03/", null)).hasValue("/archive/2009/03");
    assertThat(here("/2009/03/12/", null)).as("a day's, its month").hasValue("/archive/2009/03");
    assertThat(here("/2009", null)).hasValue("/archive");
    assertThat(here("/2009_03_01_archive.html", null))
        .as("Blogger's archive pages of before")
        .hasValue("/archive/2009/03");
    assertThat(here("/2009_13_01_archive.html", null)).isEmpty();
    assertThat(here("/author/jane-doe/", null)).hasValue("/authors/ghost-1a2b");
    assertThat(here("/author/jane-doe", null)).hasValue("/authors/ghost-1a2b");
    assertThat(here("/search/night trams/", null)).hasValue("/search?q=night%20trams");
    // a later page of a list there is the list here, paged by its own links
    assertThat(here("/page/2/", null)).hasValue("/");
    assertThat(here("/tag/travel/page/3/", null)).hasValue("/tags/travel");
    assertThat(here("/author/jane-doe/page/2", null)).hasValue("/authors/ghost-1a2b");
    assertThat(here("/2009/03/page/2/", null)).hasValue("/archive/2009/03");
  }

  @Test
  void whatThisBlogDoesNotHaveIsNoRedirect() {
    assertThat(here("/search/label/Knitting", null)).isEmpty();
    assertThat(here("/tag/knitting/", null)).isEmpty();
    assertThat(here("/tag/knitting/rss/", null)).isEmpty();
    assertThat(here("/author/someone-else/", null)).isEmpty();
    assertThat(here("/author/someone-else/rss/", null)).isEmpty();
    assertThat(here("/2009/13/", null)).isEmpty();
    assertThat(here("/2019/05/14/a-post/", null)).as("a post: the API knows").isEmpty();
    assertThat(here("/about/", null)).isEmpty();
    assertThat(here("/tag/knitting/page/2/", null)).isEmpty();
  }
}
