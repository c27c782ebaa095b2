package io.inkwell.web.reader;

/**
 * What the head of a page says about it: its title, description and canonical address, and for a
 * post the OpenGraph type "article", its first picture (what a shared link shows) and its JSON-LD.
 */
public record PageMeta(
    String title, String description, String canonical, String type, String image, String jsonLd) {

  static PageMeta of(String title, String description, String canonical) {
    return new PageMeta(title, description, canonical, "website", null, null);
  }
}
