package io.inkwell.posts.post;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Image;
import org.commonmark.node.ListItem;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Renders Markdown to HTML once, at write time, and sanitises the result so that nothing an author
 * writes can run script in a reader's browser.
 */
@Component
class PostContentRenderer {

  private static final int EXCERPT_LENGTH = 280;

  /**
   * What a heading's id starts with ("## Getting there" → {@code h-getting-there}, as Ghost gives
   * headings ids, so that a reader links to a section): never one of the page's own ids ({@code
   * comments}, {@code comment-form}), which a heading of that name would otherwise take over.
   */
  static final String SECTION = "h-";

  /**
   * A footnote's id and its reference's ({@code fn-1}, {@code fnref-1}, {@code fnref-1-2} for the
   * second reference to it), as the footnotes extension writes them.
   */
  private static final Pattern FOOTNOTE_ID = Pattern.compile("fn(ref)?-[\\p{L}\\p{N}_-]+");

  /** A task list's item ("- [x] done"), as GitHub marks it: its box stands where a bullet would. */
  static final String TASK = "task-list-item";

  /** The class a fenced code block's info string gives it: {@code language-java}, and no more. */
  private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");

  /**
   * What a link of the author's may say of itself: that its site is not vouched for ({@code
   * nofollow}), paid for ({@code sponsored}, as search engines ask of an affiliate link) or a
   * reader's ({@code ugc}); that it opens no window for the other site to reach back to ({@code
   * noopener}, {@code noreferrer}); or that it is the author's own profile elsewhere ({@code me},
   * by which Mastodon verifies a profile's link to the blog). Any other word of a {@code rel}
   * (WordPress's {@code external}, a {@code stylesheet}) is left out of it.
   */
  private static final Set<String> LINK_RELS =
      Set.of("nofollow", "sponsored", "ugc", "noopener", "noreferrer", "me");

  /** The words of a link's {@code rel} a post keeps, in their order; none leaves no {@code rel}. */
  private static String linkRels(String element, String attribute, String value) {
    String kept =
        Arrays.stream(value.strip().split("\\s+"))
            .filter(word -> LINK_RELS.contains(word.toLowerCase(Locale.ROOT)))
            .distinct()
            .collect(Collectors.joining(" "));
    return kept.isEmpty() ? null : kept;
  }

  /**
   * Links as the author wrote them: unlike a reader's in a comment (which comment-service marks
   * {@code nofollow ugc}), the blog vouches for its own posts' links, to its own pages and to the
   * sites it recommends, as Ghost and WordPress leave them.
   */
  private static final PolicyFactory LINKS =
      new HtmlPolicyBuilder()
          .allowStandardUrlProtocols()
          .allowElements("a")
          .allowAttributes("href")
          .onElements("a")
          .allowAttributes("rel")
          .matching(PostContentRenderer::linkRels)
          .onElements("a")
          .toFactory();

  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(LINKS)
          .and(Sanitizers.IMAGES)
          .and(Sanitizers.TABLES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("pre", "code", "hr", "del", "s", "span", "figure", "figcaption")
                  // named here too: a policy's attributes join another's only on its own elements
                  .allowElements("h1", "h2", "h3", "h4", "h5", "h6")
                  .allowAttributes("id")
                  .matching(Pattern.compile(SECTION + "[\\p{L}\\p{N}_-]+"))
                  .onElements("h1", "h2", "h3", "h4", "h5", "h6")
                  // footnotes: the number at the claim, the list at the end, the way back
                  .allowElements("sup", "section", "ol", "li", "a")
                  .allowAttributes("id")
                  .matching(FOOTNOTE_ID)
                  .onElements("li", "a")
                  .allowAttributes("class")
                  .matching(Pattern.compile("footnote-ref|footnotes|footnote-backref"))
                  .onElements("sup", "section", "a")
                  .allowAttributes("aria-label")
                  .matching(Pattern.compile("Back to reference [\\p{L}\\p{N}_-]+"))
                  .onElements("a")
                  // videos, music and podcasts (Embeds): their providers' players only, as Embeds
                  // writes them
                  .allowElements("iframe")
                  .disallowWithoutAttributes("iframe")
                  .allowUrlProtocols("https")
                  .allowAttributes("src")
                  .matching(Embeds.PLAYER)
                  .onElements("iframe")
                  .allowAttributes("title")
                  .matching(Embeds.TITLE)
                  .onElements("iframe")
                  .allowAttributes("width", "height")
                  .matching(Pattern.compile("\\d{1,4}"))
                  .onElements("iframe")
                  .allowAttributes("loading")
                  .matching(Pattern.compile("lazy"))
                  .onElements("iframe")
                  .allowAttributes("allow")
                  .matching(Pattern.compile(Pattern.quote(Embeds.ALLOW)))
                  .onElements("iframe")
                  .allowAttributes("allowfullscreen")
                  .onElements("iframe")
                  .allowAttributes("class")
                  .matching(
                      Pattern.compile(
                          "embed( sound( list)?)?|"
                              + MediaPlayers.FIGURE
                              + "|"
                              + Figures.SIDES
                              + "|"
                              + Cards.FIGURES))
                  .onElements("figure")
                  // the blog's own audio and video (MediaPlayers), nothing from elsewhere
                  .allowElements(PostContentRenderer::aPlayerOfTheBlogs, "audio", "video")
                  .allowAttributes("src")
                  .matching(MediaPlayers.PLAYED)
                  .onElements("audio", "video")
                  .allowAttributes("controls")
                  .onElements("audio", "video")
                  .allowAttributes("preload")
                  .matching(Pattern.compile("metadata"))
                  .onElements("audio", "video")
                  // Ghost's toggle cards (Cards), and an author's own details, which open
                  .allowElements("details", "summary")
                  // a picture floated at a side (Figures)
                  .allowElements("img")
                  .allowAttributes("class")
                  .matching(Pattern.compile(Figures.SIDES))
                  .onElements("img")
                  // a fenced block's language (```java), by which the reader site colours it
                  .allowAttributes("class")
                  .matching(CODE_LANGUAGE)
                  .onElements("code")
                  // a task list's boxes, as GitHub shows them: ticked or not, never to be changed
                  .allowAttributes("class")
                  .matching(Pattern.compile(TASK))
                  .onElements("li")
                  .allowAttributes("type")
                  .matching(Pattern.compile("checkbox"))
                  .onElements("input")
                  .allowAttributes("checked")
                  .onElements("input")
                  .allowElements(PostContentRenderer::aBoxNeverToBeChanged, "input")
                  .allowAttributes("disabled")
                  .onElements("input")
                  // callouts (Callouts): their kind and their own title, nothing else of a class
                  .allowElements("div", "p")
                  .allowAttributes("class")
                  .matching(Pattern.compile("callout callout-(" + Callouts.KINDS + ")"))
                  .onElements("div")
                  .allowAttributes("role")
                  .matching(Pattern.compile("note"))
                  .onElements("div")
                  // and a button card's (Cards)
                  .allowAttributes("class")
                  .matching(Pattern.compile("callout-title|" + Cards.BUTTON))
                  .onElements("p")
                  .toFactory());

  /**
   * Marks what Markdown wrote, as HTML an author or an import wrote cannot be: a task list's items,
   * whose boxes stand where their bullets would, and a picture's title as its caption ({@link
   * Figures}; an imported WordPress picture's title is often its file's name, no caption).
   */
  private static final AttributeProvider MARKS =
      (node, tagName, attributes) -> {
        if (node instanceof ListItem && node.getFirstChild() instanceof TaskListItemMarker) {
          attributes.put("class", TASK);
        }
        if (node instanceof Image picture
            && picture.getTitle() != null
            && !picture.getTitle().isBlank()) {
          attributes.put(Figures.CAPTION, picture.getTitle());
        }
      };

  /** CommonMark with GitHub's tables, strikethrough and task lists, autolinks and footnotes. */
  static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(),
          StrikethroughExtension.create(),
          AutolinkExtension.create(),
          FootnotesExtension.create(),
          TaskListItemsExtension.create());

  private final Parser parser;
  private final HtmlRenderer renderer;
  private final PictureSizes pictures;

  PostContentRenderer(PictureSizes pictures) {
    this.pictures = pictures;
    this.parser = MarkdownNesting.bounded(Parser.builder()).extensions(EXTENSIONS).build();
    var sections = HeadingAnchorExtension.builder().idPrefix(SECTION).defaultId("section").build();
    this.renderer =
        HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .extensions(List.of(sections))
            .attributeProviderFactory(context -> MARKS)
            .build();
  }

  /**
   * An input that is a box, as the sanitiser left it ({@code type="checkbox"} and perhaps {@code
   * checked}), disabled whoever wrote it; any other input goes, its type being left out.
   */
  private static String aBoxNeverToBeChanged(String name, List<String> attributes) {
    boolean box = false;
    boolean disabled = false;
    for (int i = 0; i < attributes.size(); i += 2) {
      box |= attributes.get(i).equals("type");
      disabled |= attributes.get(i).equals("disabled");
    }
    if (!box) {
      return null;
    }
    if (!disabled) {
      attributes.add("disabled");
      attributes.add("disabled");
    }
    return name;
  }

  Post.Content render(String title, String bodyMarkdown, String excerpt) {
    String rendered = rendered(bodyMarkdown);
    String html = finished(rendered);
    String text = text(html);
    boolean own = excerpt != null && !excerpt.isBlank();
    String summary = own ? excerpt.strip() : excerptOf(teaser(rendered, html));
    return new Post.Content(title.strip(), bodyMarkdown, html, text, summary, own);
  }

  /**
   * Where the author ended the post's teaser, as WordPress's "more" tag ({@code <!--more-->}, which
   * Jekyll and Hugo take too) and Blogger's jump break ({@code <a name="more"></a>}) mark it: what
   * the blog's home page showed of the post before "Continue reading". The comment's end is looked
   * for apart ({@link #teaserEnd}): a pattern running on to {@code -->} from each of thousands of
   * unclosed {@code <!--more} would take minutes over a body of a megabyte.
   */
  private static final Pattern MORE =
      Pattern.compile(
          "<!--\\s*more\\b|<a\\s+name\\s*=\\s*[\"']more[\"']\\s*>\\s*</a>",
          Pattern.CASE_INSENSITIVE);

  /**
   * The HTML the excerpt is taken from: the teaser's, where the author marked where it ends and it
   * has words, else the whole body's. The mark is looked for in the body as CommonMark rendered it,
   * where only the author's own HTML is HTML: a {@code <!--more-->} in code (a post that shows how
   * the tag is written) is text there, and ends nothing.
   *
   * @param rendered the body as CommonMark rendered it, before anything else ({@link #rendered})
   */
  private String teaser(String rendered, String html) {
    int end = teaserEnd(rendered);
    if (end < 0) {
      return html;
    }
    String teaser = finished(rendered.substring(0, end));
    return words(teaser, true).isBlank() ? html : teaser;
  }

  /**
   * Where the first "more" mark begins, or -1: a jump break, or a {@code <!--more} that a {@code
   * -->} closes somewhere after it.
   */
  static int teaserEnd(String rendered) {
    int lastClose = rendered.lastIndexOf("-->");
    var more = MORE.matcher(rendered);
    while (more.find()) {
      if (rendered.charAt(more.start() + 1) != '!' || lastClose >= more.end()) {
        return more.start();
      }
    }
    return -1;
  }

  /**
   * The words of the HTML as a reader sees them: no tags, no link addresses, blocks apart; the
   * footnotes' words too, but not their numbers and ways back.
   */
  static String text(String html) {
    return words(html, false);
  }

  /** An excerpt is the post's own words: no footnotes. */
  private static String words(String html, boolean withoutFootnotes) {
    return readable(html, withoutFootnotes).text();
  }

  private static Document readable(String html, boolean withoutFootnotes) {
    var page = Jsoup.parse(html);
    page.select("sup.footnote-ref, a.footnote-backref").remove();
    if (withoutFootnotes) {
      page.select("section.footnotes").remove();
    }
    return page;
  }

  /** A player stays only with a source it may play, one of the blog's own files. */
  private static String aPlayerOfTheBlogs(String element, List<String> attributes) {
    for (int i = 0; i < attributes.size(); i += 2) {
      if (attributes.get(i).equals("src")) {
        return element;
      }
    }
    return null;
  }

  /**
   * The body's HTML as readers get it: rendered, its videos players, an imported post's cards as
   * readers saw them, links alone to its own audio and video players, its pictures that stand alone
   * figures, its marked quotes callouts, its headings written in HTML with ids, sanitised, its
   * tasks' boxes labelled, its pictures sized. A body nested deeper than {@link
   * MarkdownNesting#DEEPEST} levels is refused ({@link NestedTooDeeply}).
   */
  String html(String bodyMarkdown) {
    return finished(rendered(bodyMarkdown));
  }

  /** The body as CommonMark renders it, its nesting checked ({@link MarkdownNesting}). */
  private String rendered(String bodyMarkdown) {
    MarkdownNesting.checkLines(bodyMarkdown);
    return MarkdownNesting.onDeepStack(
        () -> {
          MarkdownNesting.checkPieces(bodyMarkdown);
          org.commonmark.node.Node document = parser.parse(bodyMarkdown);
          MarkdownNesting.check(document);
          return renderer.render(document);
        });
  }

  /** What CommonMark rendered, as readers get it ({@link #html}). */
  private String finished(String rendered) {
    return withPictureSizes(
        withTasksLabelled(
            POLICY.sanitize(
                Headings.identified(
                    Callouts.callouts(
                        Figures.figures(
                            MediaPlayers.players(Cards.cards(Embeds.players(rendered)))))))));
  }

  /**
   * Each box of a task list is labelled by its task's words, so that a screen reader says
   * "passport, check box, checked" rather than an unnamed box: the box and the words up to the
   * item's first block (a sub-list) in a {@code label}, in the first paragraph of a loose list's
   * item. Applied to the sanitised HTML: what it moves is the author's, sanitised already.
   */
  private static String withTasksLabelled(String html) {
    if (!html.contains(TASK)) {
      return html;
    }
    var body = Jsoup.parseBodyFragment(html);
    body.outputSettings().prettyPrint(false);
    for (var box : body.select("li." + TASK + " > input[type=checkbox]:first-child")) {
      var item = box.parent();
      Node next = box.nextSibling();
      while (next instanceof TextNode space && space.isBlank()) {
        next = next.nextSibling();
      }
      var words = next instanceof Element paragraph && paragraph.is("p") ? paragraph : item;
      var label = new Element("label");
      label.appendChild(box);
      if (words != item) {
        label.appendText(" ");
      }
      while (words.childNodeSize() > 0
          && !(words.childNode(0) instanceof Element child && child.isBlock())) {
        label.appendChild(words.childNode(0));
      }
      words.prependChild(label);
    }
    return body.body().html();
  }

  /**
   * Every picture loads lazily, and the blog's own carry their width and height, so the browser
   * keeps their room while they load, and their narrower copies, so a phone loads a small one.
   * Applied to the sanitised HTML: the values are the blog's.
   */
  private String withPictureSizes(String html) {
    if (!html.contains("<img")) {
      return html;
    }
    var body = Jsoup.parseBodyFragment(html);
    body.outputSettings().prettyPrint(false);
    for (var image : body.select("img")) {
      image.attr("loading", "lazy");
      pictures
          .of(image.attr("src"))
          .ifPresent(
              size -> {
                image
                    .attr("width", String.valueOf(size.width()))
                    .attr("height", String.valueOf(size.height()));
                if (size.srcset() != null) {
                  image.attr("srcset", size.srcset()).attr("sizes", size.sizes());
                }
              });
    }
    return body.body().html();
  }

  /**
   * The excerpt the body gives: its first words (to its teaser's end), without footnotes, and
   * without pictures' captions, which would run into the sentences around them ("Back home. The
   * harbour at dawn We sailed…"), as WordPress's leaves them out; a post of captioned pictures
   * alone has its captions.
   */
  static String excerptOf(String html) {
    var page = readable(html, true);
    String withCaptions = page.text();
    page.select("figcaption").remove();
    String told = page.text();
    return firstWords(told.isBlank() ? withCaptions : told);
  }

  /** The first words of the text, cut at a word boundary. */
  static String firstWords(String plainText) {
    String text = plainText.replaceAll("\\s+", " ").strip();
    if (text.length() <= EXCERPT_LENGTH) {
      return text;
    }
    int cut = text.lastIndexOf(' ', EXCERPT_LENGTH);
    return text.substring(0, cut > 0 ? cut : EXCERPT_LENGTH) + "…";
  }
}
