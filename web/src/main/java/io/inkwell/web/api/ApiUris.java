package io.inkwell.web.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Addresses of the API with query parameters, each value encoded strictly: a "+" in a tag ("c++")
 * or a search must reach the API as {@code %2B}, or it arrives as a space.
 */
public final class ApiUris {

  private ApiUris() {}

  /**
   * @param path already encoded
   * @param query names and values; null and blank values are left out
   */
  public static String of(String path, Map<String, ?> query) {
    var uri = UriComponentsBuilder.fromPath(path);
    query.forEach(
        (name, value) -> {
          if (value != null && !value.toString().isBlank()) {
            uri.queryParam(name, UriUtils.encode(value.toString(), StandardCharsets.UTF_8));
          }
        });
    return uri.build(true).toUriString();
  }
}
