package io.inkwell.posts.post;

import java.util.Locale;

/**
 * What podcast directories show of a post's episode beside its file (Apple Podcasts' {@code
 * itunes:season}, {@code itunes:episode} and {@code itunes:episodeType}, which Spotify reads too):
 * the season and number a serial podcast's listeners follow, and whether it is a whole episode, a
 * trailer or a bonus. Each null when the author gave none; a post without an episode keeps them for
 * when it gets one.
 *
 * @param season the season's number, from 1
 * @param number the episode's number, from 1 (in its season, where the podcast has seasons)
 * @param type {@code trailer} or {@code bonus}; null for a whole episode
 */
public record EpisodeTags(Integer season, Integer number, String type) {

  public static final EpisodeTags NONE = new EpisodeTags(null, null, null);

  /** The kinds Apple names, in any case, or empty (or spaces) for a whole episode. */
  public static final String TYPES = "(?i)\\s*(full|trailer|bonus)?\\s*";

  /** The highest season or episode number taken, well beyond any podcast's. */
  public static final int HIGHEST = 99_999;

  /** The kind as Apple spells it: {@code full}, {@code trailer} or {@code bonus}. */
  public String typeOrFull() {
    return type == null ? "full" : type;
  }

  /**
   * These, with each one the author left out ({@code null}) as it was, a number given as 0 and a
   * kind given as empty (or {@code full}) removed: an editor that knows nothing of them changes
   * nothing.
   */
  EpisodeTags changedBy(Integer newSeason, Integer newNumber, String newType) {
    return new EpisodeTags(
        chosen(newSeason, season),
        chosen(newNumber, number),
        newType == null ? type : kind(newType));
  }

  /** A kind as Apple spells it, null for a whole episode. */
  private static String kind(String given) {
    String kind = given.strip().toLowerCase(Locale.ROOT);
    return kind.isEmpty() || kind.equals("full") ? null : kind;
  }

  private static Integer chosen(Integer given, Integer was) {
    if (given == null) {
      return was;
    }
    return given == 0 ? null : given;
  }
}
