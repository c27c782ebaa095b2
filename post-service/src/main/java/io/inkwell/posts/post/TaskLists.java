package io.inkwell.posts.post;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * A task list's boxes ("- [x] passport") where a page's boxes cannot stand: feed readers take the
 * form elements out of what they show, and with them whether a task was done.
 */
public final class TaskLists {

  /** What a ticked box reads as away from the page. */
  private static final String TICKED = "☑";

  /** What an empty box reads as away from the page. */
  private static final String EMPTY = "☐";

  private TaskLists() {}

  /** The post's HTML with each box of its task lists a character: ☑ done, ☐ to do. */
  public static String withBoxesAsCharacters(String html) {
    if (!html.contains("<input")) {
      return html;
    }
    var body = Jsoup.parseBodyFragment(html).body();
    body.ownerDocument().outputSettings().prettyPrint(false);
    body.select("input[type=checkbox]")
        .forEach(box -> box.replaceWith(new TextNode(character(box))));
    return body.html();
  }

  private static String character(Element box) {
    return box.hasAttr("checked") ? TICKED : EMPTY;
  }
}
