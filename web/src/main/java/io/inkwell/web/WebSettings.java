package io.inkwell.web;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param apiUrl where the public API is reached: the gateway, as for any other client
 * @param siteUrl the blog's public address, for canonical links, feeds and the sitemap
 * @param blogName the blog's name, in every title
 * @param blogDescription one line under the name, and the home page's description
 * @param timeZone the zone dates are shown in
 * @param pageSize posts on one page of a list
 */
@ConfigurationProperties("inkwell.web")
public record WebSettings(
    @DefaultValue("http://localhost:8080") String apiUrl,
    @DefaultValue("http://localhost:8080") String siteUrl,
    @DefaultValue("Inkwell") String blogName,
    @DefaultValue("Notes, posts and conversations.") String blogDescription,
    @DefaultValue("UTC") ZoneId timeZone,
    @DefaultValue("10") int pageSize) {

  public WebSettings {
    siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
  }
}
