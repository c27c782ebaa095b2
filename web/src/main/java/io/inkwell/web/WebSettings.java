package io.inkwell.web;

import java.time.Duration;
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
 * @param apiTimeout how long a page waits for the API's answer: longer than the gateway's timeouts
 *     of readers' routes (10 s, 20 s for uploads), so that only a connection gone silent ends in
 *     it, and in the calm 503 page instead of a page that never loads
 * @param adminApiTimeout the same for the admin, whose imports may take the gateway's longest
 *     timeout (120 s)
 * @param importWait how long an import waits for its posts to be stored before the API answers how
 *     far it is, the rest going on (RFC 7240's {@code Prefer: respond-async, wait=}): less than the
 *     gateway waits for imports (120 s), so that the owner learns how far it is rather than that
 *     the gateway stopped waiting
 */
@ConfigurationProperties("inkwell.web")
public record WebSettings(
    @DefaultValue("http://localhost:8080") String apiUrl,
    @DefaultValue("http://localhost:8080") String siteUrl,
    @DefaultValue("Inkwell") String blogName,
    @DefaultValue("Notes, posts and conversations.") String blogDescription,
    @DefaultValue("UTC") ZoneId timeZone,
    @DefaultValue("10") int pageSize,
    @DefaultValue("30s") Duration apiTimeout,
    @DefaultValue("130s") Duration adminApiTimeout,
    @DefaultValue("100s") Duration importWait) {

  public WebSettings {
    siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
  }
}
