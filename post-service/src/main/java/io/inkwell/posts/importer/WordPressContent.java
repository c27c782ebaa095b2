package io.inkwell.posts.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * WordPress's stored content as HTML. The classic editor keeps text whose blank lines are
 * paragraphs and whose single line breaks are line breaks (WordPress adds the {@code <p>} and
 * {@code <br>} when it shows a post, in {@code wpautop}); the block editor keeps full HTML. Its
 * {@code [caption]} shortcode becomes a figure and {@code [embed]} a link; other shortcodes stay as
 * text.
 */
final class WordPressContent {

  private static final String BLOCKS =
      "(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|table|thead|tbody|tfoot|tr|td|th|figure"
          + "|figcaption|hr|dl|dt|dd|address|section|article|aside|header|footer|nav|form"
          + "|fieldset|iframe|video|audio|object|embed|style|script|details|summary)";
  private static final Pattern BLOCK_START =
      Pattern.compile("^<(?:/?" + BLOCKS + "\\b|!--)", Pattern.CASE_INSENSITIVE);

  /** Text on the line after a block element ends: a paragraph of its own. */
  private static final Pattern TEXT_AFTER_BLOCK =
      Pattern.compile("(</" + BLOCKS + ">)[ \\t]*\n(?=[ \\t]*[^<\\s])", Pattern.CASE_INSENSITIVE);

  /** A block element on the line after text: the text's paragraph ends there. */
  private static final Pattern BLOCK_AFTER_TEXT =
      Pattern.compile(
          "(?<=[^>\\s])[ \\t]*\n(?=[ \\t]*<" + BLOCKS + "\\b)", Pattern.CASE_INSENSITIVE);

  private static final Pattern PRE =
      Pattern.compile("<pre\\b.*?</pre>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern CAPTION =
      Pattern.compile("\\[caption([^\\]]*)\\](.*?)\\[/caption\\]", Pattern.DOTALL);
  private static final Pattern CAPTIONED =
      Pattern.compile(
          "^\\s*((?:<a\\b[^>]*>\\s*)?<img\\b[^>]*>(?:\\s*</a>)?)(.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern CAPTION_ATTRIBUTE = Pattern.compile("caption=\"([^\"]*)\"");

  /** The side a caption's picture floats at ({@code align="alignright"}), which Figures keeps. */
  private static final Pattern CAPTION_ALIGN = Pattern.compile("align=\"(alignleft|alignright)\"");

  private static final Pattern EMBED =
      Pattern.compile("\\[embed[^\\]]*\\]\\s*(https?://[^\\s\\[]+)\\s*\\[/embed\\]");

  private WordPressContent() {}

  static String html(String content) {
    String text = content.replace("\r\n", "\n").replace('\r', '\n');
    text = replace(CAPTION, text, WordPressContent::figure);
    text = replace(EMBED, text, embed -> link(embed.group(1)));
    if (text.contains("<!-- wp:")) {
      return text; // the block editor's HTML is complete as it is
    }
    return paragraphs(text);
  }

  /** Blank lines part paragraphs, except inside {@code <pre>}; block elements stay as they are. */
  private static String paragraphs(String text) {
    List<String> chunks = new ArrayList<>();
    Matcher pre = PRE.matcher(text);
    int from = 0;
    while (pre.find()) {
      chunks.addAll(chunks(text.substring(from, pre.start())));
      chunks.add(pre.group());
      from = pre.end();
    }
    chunks.addAll(chunks(text.substring(from)));
    var html = new StringBuilder();
    for (String chunk : chunks) {
      String trimmed = chunk.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (BLOCK_START.matcher(trimmed).find()) {
        html.append(trimmed);
      } else {
        html.append("<p>").append(trimmed.replaceAll("\\s*\n\\s*", "<br>\n")).append("</p>");
      }
      html.append("\n\n");
    }
    return html.toString().strip();
  }

  private static List<String> chunks(String text) {
    String parted = TEXT_AFTER_BLOCK.matcher(text).replaceAll("$1\n\n");
    parted = BLOCK_AFTER_TEXT.matcher(parted).replaceAll("\n\n");
    return List.of(parted.split("\n\\s*\n"));
  }

  /**
   * {@code [caption id=".." width="300"]<a href=".."><img ..></a> The caption[/caption]}, or the
   * older form with the caption as an attribute.
   */
  private static String figure(Matcher caption) {
    Matcher parts = CAPTIONED.matcher(caption.group(2));
    if (!parts.matches()) {
      return caption.group(2);
    }
    String text = parts.group(2).strip();
    if (text.isEmpty()) {
      Matcher attribute = CAPTION_ATTRIBUTE.matcher(caption.group(1));
      text = attribute.find() ? attribute.group(1) : "";
    }
    Matcher align = CAPTION_ALIGN.matcher(caption.group(1));
    return "\n\n<figure"
        + (align.find() ? " class=\"" + align.group(1) + "\"" : "")
        + ">"
        + parts.group(1).strip()
        + (text.isEmpty() ? "" : "<figcaption>" + text + "</figcaption>")
        + "</figure>\n\n";
  }

  private static String link(String url) {
    String escaped = HtmlUtils.htmlEscape(url);
    return "<a href=\"" + escaped + "\">" + escaped + "</a>";
  }

  private static String replace(
      Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
    Matcher matcher = pattern.matcher(text);
    var result = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement.apply(matcher)));
    }
    matcher.appendTail(result);
    return result.toString();
  }
}
