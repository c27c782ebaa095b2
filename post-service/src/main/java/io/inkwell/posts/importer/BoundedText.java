package io.inkwell.posts.importer;

/**
 * An imported post's text as a pattern reads it, up to so many characters read: a pattern that
 * looks for something opened and then closed ({@code [gallery …]}, {@code <pre>…</pre>}, an {@code
 * <img …>}) can take time that grows with the square of the openings nothing closes, and 20,000
 * unclosed {@code [gallery } (180 KB) took 15 s to look through; an export of a few megabytes of
 * them would have held post-service for hours. The patterns are written to read each character a
 * few times; text that still takes one more than {@link #READS_PER_CHARACTER} reads a character is
 * refused as unreadable, and nothing is imported.
 */
final class BoundedText implements CharSequence {

  /** Far above what any pattern here reads of ordinary text (a few reads a character). */
  static final int READS_PER_CHARACTER = 64;

  private final String text;
  private long left;

  private BoundedText(String text, long reads) {
    this.text = text;
    this.left = reads;
  }

  /** The text, for one pattern to look through once. */
  static BoundedText of(String text) {
    return new BoundedText(text, (long) READS_PER_CHARACTER * text.length() + 1_000_000);
  }

  @Override
  public char charAt(int index) {
    if (--left < 0) {
      throw new UnreadableImport(
          "A post's text could not be read in reasonable time: it opens thousands of tags,"
              + " shortcodes or <pre> blocks that nothing closes. Nothing was imported.");
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
