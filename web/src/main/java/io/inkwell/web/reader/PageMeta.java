package io.inkwell.web.reader;

/**
 * What the head of a page says about it: its title, description and canonical address, and for a
 * post the OpenGraph type "article", its picture (what a shared link shows; {@code imageAlt} what
 * it shows, when the author said so) and its JSON-LD.
 */
public record PageMeta(
    String title,
    String description,
    String canonical,
    String type,
    String image,
    String imageAlt,
    String jsonLd) {

  static PageMeta of(String title, String description, String canonical) {
    return new PageMeta(title, description, canonical, "website", null, null, null);
  }
}
