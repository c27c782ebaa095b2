package io.inkwell.web.reader;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Where a tag's page is: {@code /tags/{slug}}, the slug being the tag itself except that what no
 * path segment may carry encoded ({@code / \ % ;}, control characters) becomes "-", as the API's
 * {@code slug} of a tag says ("c/c++" is at {@code /tags/c-c++}). Templates ask {@code
 * ${@tagPaths.of(tag)}}.
 */
@Component("tagPaths")
public class TagPaths {

  private static final Pattern UNSAFE_IN_PATHS = Pattern.compile("[/\\\\%;\\p{Cntrl}]+");

  public String of(String tag) {
    return "/tags/" + UriUtils.encodePathSegment(slugOf(tag), StandardCharsets.UTF_8);
  }

  static String slugOf(String tag) {
    String slug = UNSAFE_IN_PATHS.matcher(tag).replaceAll("-");
    return slug.equals(".") || slug.equals("..") ? slug.replace('.', '-') : slug;
  }
}
