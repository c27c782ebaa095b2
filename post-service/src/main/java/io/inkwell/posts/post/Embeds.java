package io.inkwell.posts.post;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Videos of YouTube and Vimeo, and music and podcasts of Spotify and SoundCloud, played where they
 * stand in a post, as WordPress embeds an address alone on its line and as Ghost's embed cards do:
 * a paragraph that is nothing but such an address (typed, or a link whose words are its address),
 * or the provider's own player an imported post brought along ({@code <iframe
 * src="https://www.youtube.com/embed/…">}, as Blogger and WordPress stored them, or the Flash
 * {@code <object>} of a post from before 2011), becomes the provider's player, a video's in its
 * privacy-enhanced form (youtube-nocookie.com, Vimeo's do-not-track: nothing is stored in the
 * reader's browser until they press play; Spotify and SoundCloud have none). A link with words of
 * its own stays a link; any other frame goes (and the sanitiser lets through no frame but {@link
 * #PLAYER} anyway).
 */
public final class Embeds {

  /** The players' addresses: the only frames a post may hold. */
  static final Pattern PLAYER =
      Pattern.compile(
          "https://www\\.youtube-nocookie\\.com/embed/[A-Za-z0-9_-]{11}(\\?start=\\d{1,6})?"
              + "|https://player\\.vimeo\\.com/video/\\d{1,12}\\?(h=[0-9a-f]{1,32}&)?dnt=1(#t=\\d{1,6}s)?"
              + "|https://open\\.spotify\\.com/embed/(track|album|playlist|episode|show|artist)/[A-Za-z0-9]{22}"
              + "|https://w\\.soundcloud\\.com/player/\\?url=https%3A//"
              + "(soundcloud\\.com(/[A-Za-z0-9_-]{1,100}){2,3}|api\\.soundcloud\\.com/(tracks|playlists)/\\d{1,15})");

  /** The words of the players' frames, which say whose they are (in any language). */
  static final Pattern TITLE = Pattern.compile("YouTube|Vimeo|Spotify|SoundCloud");

  /** What the players may do: play, full screen, picture in picture; nothing else. */
  static final String ALLOW = "autoplay; encrypted-media; fullscreen; picture-in-picture";

  private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");

  /** YouTube's addresses with the video's id as their second part: {@code /shorts/{id}}. */
  private static final Set<String> YOUTUBE_PATHS = Set.of("embed", "shorts", "live", "v");

  private static final Pattern VIMEO_ID = Pattern.compile("\\d{1,12}");
  private static final Pattern VIMEO_KEY = Pattern.compile("[0-9a-f]{1,32}");

  private static final Pattern SPOTIFY_ID = Pattern.compile("[A-Za-z0-9]{22}");

  /** What Spotify plays: its pages' first part ({@code open.spotify.com/album/{id}}). */
  private static final Set<String> SPOTIFY_KINDS =
      Set.of("track", "album", "playlist", "episode", "show", "artist");

  /** Spotify's players with a list of tracks or episodes, which need the taller frame. */
  private static final Set<String> SPOTIFY_LISTS = Set.of("album", "playlist", "show", "artist");

  /** A SoundCloud account's or track's name in its address. */
  private static final Pattern SOUNDCLOUD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  /** SoundCloud's own pages, whose addresses look like an account's: soundcloud.com/discover. */
  private static final Set<String> SOUNDCLOUD_PAGES =
      Set.of(
          "discover",
          "search",
          "stream",
          "charts",
          "you",
          "tags",
          "pages",
          "upload",
          "settings",
          "messages",
          "notifications",
          "people",
          "popular",
          "terms-of-use",
          "imprint",
          "jobs",
          "mobile",
          "pro",
          "artists",
          "feed");

  /** SoundCloud's player's own address of a track or playlist, as imported players carry it. */
  private static final Pattern SOUNDCLOUD_API =
      Pattern.compile("https://api\\.soundcloud\\.com/(tracks|playlists)/\\d{1,15}");

  /**
   * A start time as YouTube's links give it: {@code 90}, {@code 90s}, {@code 1m30s}, {@code 1h}.
   */
  private static final Pattern TIME =
      Pattern.compile("(?:(\\d{1,2})h)?(?:(\\d{1,3})m)?(?:(\\d{1,6})s?)?");

  private Embeds() {}

  /** Where an embed is played and how its frame is named (the provider's, in any language). */
  enum Provider {
    YOUTUBE("YouTube"),
    VIMEO("Vimeo"),
    SPOTIFY("Spotify"),
    SOUNDCLOUD("SoundCloud");

    final String title;

    Provider(String title) {
      this.title = title;
    }

    /** A player of sound: a strip as wide as the column, not a 16:9 picture. */
    boolean sound() {
      return this == SPOTIFY || this == SOUNDCLOUD;
    }
  }

  /**
   * @param id what the provider knows it by: a YouTube or Vimeo video's id, Spotify's kind and id
   *     ({@code album/{id}}), SoundCloud's address of a track or playlist
   * @param start the second it starts at; 0 from the beginning
   * @param key what Vimeo adds to an unlisted video's address ({@code vimeo.com/{id}/{key}}), which
   *     its player needs too; null for any other
   */
  record Embed(Provider provider, String id, int start, String key) {

    /** Spotify's album, playlist, show or artist, SoundCloud's playlist: a list, played taller. */
    boolean list() {
      return switch (provider) {
        case SPOTIFY -> SPOTIFY_LISTS.contains(id.substring(0, id.indexOf('/')));
        case SOUNDCLOUD -> id.contains("/sets/") || id.contains("/playlists/");
        default -> false;
      };
    }

    /** Its page at its provider, where it starts where the player does. */
    String page() {
      return switch (provider) {
        case YOUTUBE ->
            "https://www.youtube.com/watch?v=" + id + (start > 0 ? "&t=" + start + "s" : "");
        case VIMEO ->
            "https://vimeo.com/"
                + id
                + (key != null ? "/" + key : "")
                + (start > 0 ? "#t=" + start + "s" : "");
        case SPOTIFY -> "https://open.spotify.com/" + id;
        // the player's own address of a track is no page for people: the player is
        case SOUNDCLOUD -> SOUNDCLOUD_API.matcher(id).matches() ? player() : id;
      };
    }

    /** Its player, in the privacy-enhanced form. */
    String player() {
      return switch (provider) {
        case YOUTUBE ->
            "https://www.youtube-nocookie.com/embed/" + id + (start > 0 ? "?start=" + start : "");
        case VIMEO ->
            "https://player.vimeo.com/video/"
                + id
                + (key != null ? "?h=" + key + "&dnt=1" : "?dnt=1")
                + (start > 0 ? "#t=" + start + "s" : "");
        case SPOTIFY -> "https://open.spotify.com/embed/" + id;
        // the address as SoundCloud's own embed code writes it
        case SOUNDCLOUD ->
            "https://w.soundcloud.com/player/?url=" + id.replaceFirst("^https:", "https%3A");
      };
    }
  }

  /**
   * The video at an address: YouTube's watch, share ({@code youtu.be}), Shorts, live and embed
   * addresses, Vimeo's page and player addresses, Spotify's track, album, playlist, episode, show
   * and artist pages and players, SoundCloud's track and playlist pages and players; empty for
   * anything else.
   */
  static Optional<Embed> at(String address) {
    String written = address.strip();
    URI uri;
    try {
      // Blogger wrote its players' addresses without a scheme: //www.youtube.com/embed/…
      uri = new URI(written.startsWith("//") ? "https:" + written : written);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (uri.getHost() == null
        || !("https".equalsIgnoreCase(uri.getScheme())
            || "http".equalsIgnoreCase(uri.getScheme()))) {
      return Optional.empty();
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String[] path = uri.getPath() == null ? new String[0] : uri.getPath().split("/", -1);
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    return switch (host) {
      case "youtube.com", "www.youtube.com", "m.youtube.com" ->
          path.length == 2 && path[1].equals("watch")
              ? youtube(parameter(query, "v"), query)
              : path.length == 3 && YOUTUBE_PATHS.contains(path[1])
                  // the Flash player's address carried its settings on: /v/{id}&hl=en&fs=1
                  ? youtube(path[2].split("&", 2)[0], query)
                  : Optional.empty();
      case "youtube-nocookie.com", "www.youtube-nocookie.com" ->
          path.length == 3 && path[1].equals("embed") ? youtube(path[2], query) : Optional.empty();
      case "youtu.be" -> path.length == 2 ? youtube(path[1], query) : Optional.empty();
      case "vimeo.com", "www.vimeo.com" ->
          path.length == 2 && path[1].equals("moogaloop.swf")
              // Vimeo's Flash player, in posts of before 2012
              ? vimeo(String.valueOf(parameter(query, "clip_id")), null, null)
              : path.length == 2
                  ? vimeo(path[1], null, uri.getRawFragment())
                  // an unlisted video: vimeo.com/{id}/{key}
                  : path.length == 3
                      ? vimeo(path[1], path[2], uri.getRawFragment())
                      : Optional.empty();
      case "player.vimeo.com" ->
          path.length == 3 && path[1].equals("video")
              ? vimeo(path[2], parameter(query, "h"), uri.getRawFragment())
              : Optional.empty();
      case "open.spotify.com" -> spotify(path);
      // Spotify's player before 2017: embed.spotify.com/?uri=spotify:track:{id}
      case "embed.spotify.com" -> spotifyUri(decoded(parameter(query, "uri")));
      case "soundcloud.com", "www.soundcloud.com", "m.soundcloud.com" -> soundcloud(path);
      // the player's own address of a track, as WordPress.com's [soundcloud] shortcode names it
      case "api.soundcloud.com" -> soundcloudPlayed("https://" + host + uri.getRawPath());
      case "w.soundcloud.com" ->
          // w.soundcloud.com/player/?url=…
          (path.length == 2 || path.length == 3 && path[2].isEmpty()) && path[1].equals("player")
              ? soundcloudPlayed(decoded(parameter(query, "url")))
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  /**
   * Spotify's pages and players: {@code /track/{id}}, in a country's words {@code
   * /intl-de/track/{id}}, {@code /embed/track/{id}}, and the podcast player's {@code
   * /embed-podcast/episode/{id}}.
   */
  private static Optional<Embed> spotify(String[] path) {
    int first = 1;
    if (path.length > first
        && (path[first].startsWith("intl-")
            || path[first].equals("embed")
            || path[first].equals("embed-podcast"))) {
      first++;
    }
    if (path.length != first + 2) {
      return Optional.empty();
    }
    return spotify(path[first], path[first + 1]);
  }

  private static Optional<Embed> spotifyUri(String uri) {
    String[] parts = uri == null ? new String[0] : uri.split(":");
    return parts.length == 3 && parts[0].equals("spotify")
        ? spotify(parts[1], parts[2])
        : Optional.empty();
  }

  private static Optional<Embed> spotify(String kind, String id) {
    return SPOTIFY_KINDS.contains(kind) && SPOTIFY_ID.matcher(id).matches()
        ? Optional.of(new Embed(Provider.SPOTIFY, kind + "/" + id, 0, null))
        : Optional.empty();
  }

  /**
   * SoundCloud's tracks ({@code /{account}/{track}}, a private one's {@code
   * /{account}/{track}/s-{key}}) and playlists ({@code /{account}/sets/{playlist}}); not an
   * account's page, nor SoundCloud's own.
   */
  private static Optional<Embed> soundcloud(String[] path) {
    boolean named =
        (path.length == 3 || path.length == 4)
            && Arrays.stream(path, 1, path.length)
                .allMatch(part -> SOUNDCLOUD_NAME.matcher(part).matches())
            && !SOUNDCLOUD_PAGES.contains(path[1].toLowerCase(Locale.ROOT));
    boolean track = path.length == 3 && !path[2].equals("sets");
    boolean privateTrack = path.length == 4 && path[3].startsWith("s-");
    boolean playlist = path.length == 4 && path[2].equals("sets");
    return named && (track || privateTrack || playlist)
        ? Optional.of(
            new Embed(
                Provider.SOUNDCLOUD, "https://soundcloud.com" + String.join("/", path), 0, null))
        : Optional.empty();
  }

  /** What SoundCloud's player plays: a track's or playlist's page, or its own address of one. */
  private static Optional<Embed> soundcloudPlayed(String address) {
    if (address == null) {
      return Optional.empty();
    }
    String played = address.split("[?&#]", 2)[0];
    if (SOUNDCLOUD_API.matcher(played).matches()) {
      return Optional.of(new Embed(Provider.SOUNDCLOUD, played, 0, null));
    }
    return played.startsWith("https://soundcloud.com/")
        ? soundcloud(played.substring("https://soundcloud.com".length()).split("/", -1))
        : Optional.empty();
  }

  private static String decoded(String parameter) {
    try {
      return parameter == null ? null : URLDecoder.decode(parameter, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }

  private static Optional<Embed> youtube(String id, String query) {
    if (id == null || !YOUTUBE_ID.matcher(id).matches()) {
      return Optional.empty();
    }
    String time = parameter(query, "t");
    return Optional.of(
        new Embed(
            Provider.YOUTUBE, id, seconds(time != null ? time : parameter(query, "start")), null));
  }

  private static Optional<Embed> vimeo(String id, String key, String fragment) {
    if (!VIMEO_ID.matcher(id).matches() || (key != null && !VIMEO_KEY.matcher(key).matches())) {
      return Optional.empty();
    }
    String time =
        fragment != null && fragment.startsWith("t=") ? fragment.substring("t=".length()) : null;
    return Optional.of(new Embed(Provider.VIMEO, id, seconds(time), key));
  }

  private static String parameter(String query, String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  private static int seconds(String time) {
    if (time == null || time.isEmpty()) {
      return 0;
    }
    Matcher parts = TIME.matcher(time);
    if (!parts.matches()) {
      return 0;
    }
    return part(parts.group(1)) * 3600 + part(parts.group(2)) * 60 + part(parts.group(3));
  }

  private static int part(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }

  /**
   * The post's HTML for a feed: under each player, a link to the video's page, for the many feed
   * readers that show no frame.
   */
  public static String withLinksToThePages(String html) {
    if (!html.contains("<iframe")) {
      return html;
    }
    var body = Jsoup.parseBodyFragment(html).body();
    body.ownerDocument().outputSettings().prettyPrint(false);
    for (Element player : body.select("iframe[src]")) {
      at(player.attr("src"))
          .ifPresent(
              embed -> {
                Element link =
                    new Element("a").attr("href", embed.page()).text("▶ " + embed.page());
                Element figure = player.parent();
                if (figure != null && figure.is("figure.embed")) {
                  figure.after(new Element("p").appendChild(link));
                } else {
                  player.after(link);
                }
              });
    }
    return body.html();
  }

  /** The rendered HTML with every embed in it a player; the same HTML when there is none. */
  static String players(String html) {
    if (!html.contains("<iframe")
        && !html.contains("<object")
        && !html.contains("<embed")
        && !html.contains("youtu")
        && !html.contains("vimeo")
        && !html.contains("spotify")
        && !html.contains("soundcloud")) {
      return html;
    }
    var body = Jsoup.parseBodyFragment(html).body();
    body.ownerDocument().outputSettings().prettyPrint(false);
    // frames, and the Flash players of old posts (an object, an embed inside it, or an embed)
    for (Element player : body.select("iframe, object, embed")) {
      if (player.parent() == null) {
        continue; // inside an object already replaced
      }
      at(address(player)).ifPresentOrElse(embed -> place(player, embed), player::remove);
    }
    // an address alone in its block
    for (Element block : body.select("p, div")) {
      String address = aloneIn(block);
      if (address != null) {
        at(address).ifPresent(embed -> playIn(block, embed));
      }
    }
    return body.html();
  }

  /** The address a player plays: a frame's or embed's {@code src}, an object's movie. */
  private static String address(Element player) {
    if (!player.is("object")) {
      return player.attr("src");
    }
    String movie = player.select("> param[name=movie]").attr("value");
    return movie.isEmpty() ? player.attr("data") : movie;
  }

  /**
   * The address a block holds and nothing else: as its only link, whose words are the address
   * (Markdown's autolinks), or as its text (WordPress's classic editor, where an address alone on
   * its line is a video, and its block editor's embed, {@code <div
   * class="wp-block-embed__wrapper">}); null for any other block.
   */
  private static String aloneIn(Element block) {
    if (block.childrenSize() == 0) {
      String text = block.text().strip();
      return text.startsWith("http") && !text.contains(" ") ? text : null;
    }
    Element link = block.child(0);
    boolean onlyTheLink =
        block.childrenSize() == 1
            && link.is("a")
            && link.children().isEmpty()
            && block.textNodes().stream().allMatch(TextNode::isBlank)
            && link.text().strip().equals(link.attr("href").strip());
    return onlyTheLink ? link.attr("href") : null;
  }

  /**
   * The video's player in place of the block: a figure of its own, or, in a figure that holds the
   * block and perhaps a caption (WordPress's embed block), the player in that figure, its caption
   * kept.
   */
  private static void playIn(Element block, Embed embed) {
    Element parent = block.parent();
    boolean figure =
        parent != null
            && parent.is("figure")
            && parent.children().stream()
                .allMatch(child -> child == block || child.is("figcaption"));
    if (figure) {
      block.replaceWith(frame(embed));
      parent.attr("class", figureClass(embed));
    } else {
      block.replaceWith(figure(embed));
    }
  }

  /**
   * An imported player where it stood: a figure of its own when it is all its paragraph held, or
   * where a figure may stand; just the player inside running text.
   */
  private static void place(Element player, Embed embed) {
    Element parent = player.parent();
    boolean aloneInParagraph =
        parent.is("p")
            && parent.text().isBlank()
            && parent.children().stream().allMatch(child -> child == player || child.is("br"));
    if (aloneInParagraph) {
      parent.replaceWith(figure(embed));
    } else if (parent.is("p, span, a, em, strong, b, i, small, sup, sub")) {
      player.replaceWith(frame(embed));
    } else {
      player.replaceWith(figure(embed));
    }
  }

  private static Element figure(Embed embed) {
    return new Element("figure").attr("class", figureClass(embed)).appendChild(frame(embed));
  }

  /**
   * The class of a player's figure: {@code embed}, and for a player of sound, whose height is its
   * own, {@code embed sound}, or {@code embed sound list} for the taller one of a list.
   */
  static String figureClass(Embed embed) {
    return !embed.provider().sound() ? "embed" : embed.list() ? "embed sound list" : "embed sound";
  }

  /**
   * The player, 16:9 in a feed reader, a sound's the height its provider gives it; the reader
   * site's style fits each to the column.
   */
  private static Element frame(Embed embed) {
    String height = !embed.provider().sound() ? "315" : embed.list() ? "352" : "166";
    return new Element("iframe")
        .attr("src", embed.player())
        .attr("title", embed.provider().title)
        .attr("width", "560")
        .attr("height", height)
        .attr("loading", "lazy")
        .attr("allow", ALLOW)
        .attr("allowfullscreen", "");
  }
}
