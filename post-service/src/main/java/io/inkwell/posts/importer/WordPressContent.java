package io.inkwell.posts.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * WordPress's stored content as HTML. The classic editor keeps text whose blank lines are
 * paragraphs and whose single line breaks are line breaks (WordPress adds the {@code <p>} and
 * {@code <br>} when it shows a post, in {@code wpautop}); the block editor keeps full HTML. Its
 * shortcodes become what WordPress showed for them: {@code [caption]} a figure, {@code [embed]} and
 * WordPress.com's {@code [youtube]}, {@code [soundcloud]} and {@code [spotify]} a link (which plays
 * in its provider's player, ADR 18), {@code [gallery]} its pictures from the media library as a
 * gallery (the ones it names, or else the post's own, in their order), {@code [code]} and {@code
 * [sourcecode]} (the syntax highlighters' and WordPress.com's) a block of code in its language, and
 * {@code [audio]} and {@code [video]} a link to their file. Other shortcodes stay as text.
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

  /**
   * A line break inside a paragraph, with the spaces around it: from where they begin only, so that
   * a long run of spaces is looked through once, not once from each of them.
   */
  private static final Pattern LINE_BREAK = Pattern.compile("(?<!\\s)\\s*\n\\s*");

  /** What parts paragraphs: a line with nothing but spaces on it. */
  private static final Pattern BLANK_LINE = Pattern.compile("\n\\s*\n");

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

  private static final Pattern YOUTUBE =
      Pattern.compile("\\[youtube[= ]\\s*(https?://[^\\s\\]]+)[^\\]]*\\]");

  /**
   * Jetpack's {@code [soundcloud url="https://api.soundcloud.com/tracks/156661852" params="…"]},
   * with or without its closing tag.
   */
  private static final Pattern SOUNDCLOUD =
      Pattern.compile(
          "\\[soundcloud\\s[^\\]]*?\\burl=[\"']?(https?://[^\\s\"'\\]]+)[^\\]]*\\]"
              + "(?:\\s*\\[/soundcloud\\])?");

  /** Jetpack's {@code [spotify id="spotify:track:{id}"]}, or with the player's page as its id. */
  private static final Pattern SPOTIFY =
      Pattern.compile(
          "\\[spotify\\s[^\\]]*?\\bid=[\"']?(?:spotify:([a-z]+):([A-Za-z0-9]{22})"
              + "|(https://open\\.spotify\\.com/[^\\s\"'\\]]+))[^\\]]*\\]");

  /**
   * {@code [code language="java"]…[/code]}, as the syntax highlighters and WordPress.com take it.
   */
  private static final Pattern CODE =
      Pattern.compile("\\[(sourcecode|code)((?:\\s[^\\]]*)?)\\](.*?)\\[/\\1\\]", Pattern.DOTALL);

  private static final Pattern LANGUAGE =
      Pattern.compile("\\b(?:language|lang)=[\"']?([A-Za-z0-9_+#.-]{1,30})");

  private static final Pattern GALLERY = Pattern.compile("\\[gallery((?:\\s[^\\]]*)?)\\]");
  private static final Pattern IDS = Pattern.compile("\\b(?:ids|include)=[\"']([\\d,\\s]+)[\"']");
  private static final Pattern COLUMNS = Pattern.compile("\\bcolumns=[\"']?([1-9])");

  private static final Pattern MEDIA =
      Pattern.compile("\\[(audio|video)((?:\\s[^\\]]*)?)\\](?:\\s*\\[/\\1\\])?");
  private static final Pattern MEDIA_SOURCE =
      Pattern.compile("\\b(?:src|mp3|m4a|ogg|wav|mp4|m4v|webm|ogv)=[\"'](https?://[^\"']+)[\"']");

  /** A picture of the media library (an attachment): where it is and what it shows. */
  record Picture(String url, String alt) {}

  /**
   * The media library as a post's galleries name it: its pictures by their ids, and the ids of the
   * pictures of this post (uploaded to it), in their order.
   */
  record Library(Map<String, Picture> pictures, List<String> thisPosts) {

    /** For text that names no picture: a comment's. */
    static final Library NONE = new Library(Map.of(), List.of());
  }

  private WordPressContent() {}

  static String html(String content) {
    return html(content, Library.NONE);
  }

  static String html(String content, Library library) {
    String text = content.replace("\r\n", "\n").replace('\r', '\n');
    text = replace(CODE, text, WordPressContent::code);
    text = replace(CAPTION, text, WordPressContent::figure);
    text = replace(EMBED, text, embed -> link(embed.group(1)));
    text = replace(YOUTUBE, text, video -> "\n\n" + link(video.group(1)) + "\n\n");
    text = replace(SOUNDCLOUD, text, sound -> "\n\n" + link(sound.group(1)) + "\n\n");
    text =
        replace(
            SPOTIFY,
            text,
            sound ->
                "\n\n"
                    + link(
                        sound.group(3) != null
                            ? sound.group(3)
                            : "https://open.spotify.com/" + sound.group(1) + "/" + sound.group(2))
                    + "\n\n");
    text = replace(GALLERY, text, gallery -> gallery(gallery.group(1), library));
    text = replace(MEDIA, text, WordPressContent::media);
    if (text.contains("<!-- wp:")) {
      return text; // the block editor's HTML is complete as it is
    }
    return paragraphs(text);
  }

  /** Blank lines part paragraphs, except inside {@code <pre>}; block elements stay as they are. */
  private static String paragraphs(String text) {
    List<String> chunks = new ArrayList<>();
    Matcher pre = PRE.matcher(BoundedText.of(text));
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
        html.append("<p>")
            .append(LINE_BREAK.matcher(BoundedText.of(trimmed)).replaceAll("<br>\n"))
            .append("</p>");
      }
      html.append("\n\n");
    }
    return html.toString().strip();
  }

  private static List<String> chunks(String text) {
    String parted = TEXT_AFTER_BLOCK.matcher(BoundedText.of(text)).replaceAll("$1\n\n");
    parted = BLOCK_AFTER_TEXT.matcher(BoundedText.of(parted)).replaceAll("\n\n");
    return List.of(BLANK_LINE.split(BoundedText.of(parted)));
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

  /** A block of code in its language, by which the reader site colours it. */
  private static String code(Matcher code) {
    Matcher language = LANGUAGE.matcher(code.group(2));
    String text = HtmlUtils.htmlUnescape(code.group(3)).replaceFirst("^\n", "");
    return "\n\n<pre><code"
        + (language.find()
            ? " class=\"language-" + language.group(1).toLowerCase(Locale.ROOT) + "\""
            : "")
        + ">"
        + HtmlUtils.htmlEscape(text.stripTrailing())
        + "\n</code></pre>\n\n";
  }

  /**
   * The pictures a gallery names ({@code ids}), or else the post's own, in rows of its columns, as
   * WordPress's gallery block writes them (Cards lays them out); nothing for none.
   */
  private static String gallery(String attributes, Library library) {
    Matcher ids = IDS.matcher(attributes);
    List<String> named =
        ids.find()
            ? Arrays.stream(ids.group(1).split(",")).map(String::strip).toList()
            : library.thisPosts();
    List<Picture> pictures =
        named.stream().map(library.pictures()::get).filter(Objects::nonNull).toList();
    if (pictures.isEmpty()) {
      return "";
    }
    Matcher columns = COLUMNS.matcher(attributes);
    var html =
        new StringBuilder("\n\n<figure class=\"wp-block-gallery columns-")
            .append(columns.find() ? columns.group(1) : "3")
            .append("\">");
    for (Picture picture : pictures) {
      html.append("<img src=\"")
          .append(HtmlUtils.htmlEscape(picture.url()))
          .append("\" alt=\"")
          .append(HtmlUtils.htmlEscape(picture.alt()))
          .append("\">");
    }
    return html.append("</figure>\n\n").toString();
  }

  /** An audio or video file WordPress played in its own player, as a link to the file. */
  private static String media(Matcher media) {
    Matcher source = MEDIA_SOURCE.matcher(media.group(2));
    if (!source.find()) {
      return "";
    }
    return mediaLink(source.group(1));
  }

  /**
   * A paragraph that is nothing but a link to an audio or video file, named by the file: a player
   * once the file is the blog's own (copied from the old blog's uploads), a link otherwise.
   */
  static String mediaLink(String url) {
    String name = url.replaceFirst("[?#].*$", "");
    return mediaLink(url, name.substring(name.lastIndexOf('/') + 1));
  }

  /** A paragraph that is nothing but a link to an audio or video file, named as given. */
  static String mediaLink(String url, String name) {
    return "\n\n<p><a href=\""
        + HtmlUtils.htmlEscape(url)
        + "\">▶ "
        + HtmlUtils.htmlEscape(name)
        + "</a></p>\n\n";
  }

  private static String link(String url) {
    String escaped = HtmlUtils.htmlEscape(url);
    return "<a href=\"" + escaped + "\">" + escaped + "</a>";
  }

  private static String replace(
      Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
    Matcher matcher = pattern.matcher(BoundedText.of(text));
    var result = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement.apply(matcher)));
    }
    matcher.appendTail(result);
    return result.toString();
  }
}
