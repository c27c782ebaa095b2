package io.inkwell.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize the largest request body the gateway lets through (413 above it)
 * @param maxUriLength the longest address (path and query) it lets through (414 above it)
 * @param maxHeaderSize the most header bytes (names and values) it lets through (431 above it)
 * @param maxUploadSize the same for a POST to one of the {@code uploadPaths} (pictures, export
 *     files)
 * @param uploadPaths path patterns where files are uploaded
 * @param maxFileUploadSize the same for a POST to one of the {@code fileUploadPaths} (audio, video,
 *     documents: post-service's {@code inkwell.files.max-size} and the multipart form around it)
 * @param fileUploadPaths path patterns where audio, video and documents are uploaded, and
 *     Substack's and Medium's export archives (post-service writes them to disk as they arrive; the
 *     admin's import form passes every platform's file on to the API, whose own paths are limited
 *     as exports)
 * @param uploadTimeout how long a POST to an upload path may take in all, its sending included
 *     (UploadTimeouts); the Resilience4j time limiter must be longer
 * @param trustedProxies a regular expression of the addresses whose X-Forwarded-For and
 *     X-Forwarded-Proto are believed (the web client, a TLS proxy in front); anyone else's are not
 * @param corsAllowedOrigins the browser origins other than the blog's own that may call the API
 * @param contentSecurityPolicy the CSP sent with every answer (the web client's pages included)
 * @param rateLimits per client address, by name; a request counts against every limit it matches
 * @param sharedRateLimits where the limits marked {@code shared} are counted for every instance
 * @param actuatorOpen whether every actuator endpoint it exposes answers without a token (its
 *     loggers, log file and metrics, for Spring Boot Admin), not only health, info and prometheus:
 *     only where the actuator has a port of its own that this machine alone reaches (the local
 *     stack)
 */
@ConfigurationProperties("inkwell.gateway")
public record GatewaySettings(
    @DefaultValue("1MB") DataSize maxRequestSize,
    @DefaultValue("6MB") DataSize maxUploadSize,
    @DefaultValue("8KB") DataSize maxUriLength,
    @DefaultValue("8KB") DataSize maxHeaderSize,
    @DefaultValue({
          "/api/images",
          "/admin/images",
          "/api/imports/*",
          "/api/subscribers/import",
          "/admin/subscribers/import"
        })
        List<String> uploadPaths,
    @DefaultValue("101MB") DataSize maxFileUploadSize,
    @DefaultValue({
          "/api/files",
          "/admin/files",
          "/api/imports/substack",
          "/api/imports/medium",
          "/admin/import"
        })
        List<String> fileUploadPaths,
    @DefaultValue("30m") Duration uploadTimeout,
    @DefaultValue("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1") String trustedProxies,
    @DefaultValue List<String> corsAllowedOrigins,
    @DefaultValue(
            "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; "
                + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; "
                // the players posts may hold (post-service's Embeds), and no other frame
                + "frame-src https://www.youtube-nocookie.com https://player.vimeo.com"
                + " https://open.spotify.com https://w.soundcloud.com")
        String contentSecurityPolicy,
    @DefaultValue Map<String, RateLimit> rateLimits,
    @DefaultValue SharedRateLimits sharedRateLimits,
    boolean actuatorOpen) {

  /**
   * @param paths path patterns ({@code /api/posts/*}/comments)
   * @param methods the methods it counts; none for all
   * @param capacity how many requests a client may make per period
   * @param shared counted for all gateway instances together, where {@code sharedRateLimits} names
   *     a store: the strict limits, whose requests are few; a generous one is counted per instance,
   *     which costs no round trip
   */
  public record RateLimit(
      List<String> paths,
      @DefaultValue List<HttpMethod> methods,
      int capacity,
      Duration period,
      @DefaultValue("false") boolean shared) {}

  /**
   * @param uri the MongoDB database of the shared buckets ({@link SharedBuckets}); empty: every
   *     limit is counted in this instance's memory
   * @param timeout how long a request waits for the store before it goes on unchecked
   */
  public record SharedRateLimits(
      @DefaultValue("") String uri, @DefaultValue("1s") Duration timeout) {

    boolean configured() {
      return !uri.isBlank();
    }
  }
}
