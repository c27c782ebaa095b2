package io.inkwell.posts.post;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of post-service.
 *
 * @param defaultAuthor the byline of posts created while sign-in does not exist yet
 * @param eventsTopic the topic post events are relayed to
 * @param siteUrl the public address of the blog, for absolute links in feeds and redirects
 * @param blogName the blog's name, the title of its feeds
 * @param language the language its posts are written in (a BCP 47 tag), until an admin sets one
 * @param timeZone the blog's zone (a name of the IANA database), until an admin sets one
 * @param maxBodySize the largest Markdown body a post may have (413 above)
 * @param trashRetention how long a post stays in the trash before it is deleted for good
 */
@ConfigurationProperties("inkwell.posts")
public record PostSettings(
    @DefaultValue({"owner", "Blog owner"}) Author defaultAuthor,
    @DefaultValue("blog.post-events") String eventsTopic,
    @DefaultValue("http://localhost:8080") String siteUrl,
    @DefaultValue("Inkwell") String blogName,
    @DefaultValue("en") String language,
    @DefaultValue("UTC") String timeZone,
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("30d") Duration trashRetention) {

  public PostSettings {
    siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
  }

  /** The reader's page of a post. */
  public String postUrl(String slug) {
    return siteUrl + "/posts/" + slug;
  }

  /** The reader's page of a post, or of a page (About, Contact). */
  public String urlOf(Post post) {
    return post.page() ? siteUrl + "/pages/" + post.slug() : postUrl(post.slug());
  }
}
