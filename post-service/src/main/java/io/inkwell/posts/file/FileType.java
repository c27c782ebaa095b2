package io.inkwell.posts.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * The kinds of file the blog takes, decided from the file's first bytes by Apache Tika (its name
 * only tells apart formats whose bytes look alike, such as a Word document and a ZIP archive):
 * audio and video that browsers play, and documents readers download. Nothing a browser would run
 * in the blog's pages is taken: no HTML, SVG, XML or script, whatever the file is called.
 *
 * @param contentType what it is sent as
 * @param extension the end of its address
 */
public record FileType(String contentType, String extension, Kind kind) {

  /** What a post does with a link to it. */
  public enum Kind {
    /** Played where a link to it stands alone ({@code <audio>}). */
    AUDIO,
    /** Played where a link to it stands alone ({@code <video>}). */
    VIDEO,
    /** Linked to; the reader's browser opens or saves it. */
    DOCUMENT
  }

  /**
   * Tika's magic and names alone: the parsers' module on the class path (for {@link PlayingTimes})
   * brings detectors of its own, which would name some files otherwise than the blog takes them.
   */
  private static final Tika TIKA = new Tika(MimeTypes.getDefaultMimeTypes());

  private static final MediaTypeRegistry REGISTRY =
      MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

  /** By Tika's name of the type (aliases are looked up as the type they stand for). */
  private static final Map<String, FileType> TAKEN = new LinkedHashMap<>();

  static {
    audio("audio/mpeg", "mp3");
    audio("audio/mp4", "m4a");
    audio("audio/x-m4a", "m4a");
    audio("audio/ogg", "ogg");
    audio("audio/vorbis", "ogg");
    audio("audio/opus", "opus");
    audio("audio/vnd.wave", "wav");
    audio("audio/x-wav", "wav");
    audio("audio/wav", "wav");
    audio("audio/x-flac", "flac");
    audio("audio/flac", "flac");
    audio("audio/webm", "weba");
    audio("audio/aac", "aac");
    // Tika's name for AAC in ADTS frames, as podcast tools write a raw .aac
    audio("audio/x-aac", "aac");
    video("video/mp4", "mp4");
    video("video/x-m4v", "m4v");
    video("video/webm", "webm");
    video("video/ogg", "ogv");
    video("video/quicktime", "mov");
    document("application/pdf", "pdf");
    document("application/epub+zip", "epub");
    document("application/zip", "zip");
    document("text/plain", "txt");
    document("text/csv", "csv");
    document("application/rtf", "rtf");
    document("application/msword", "doc");
    document("application/vnd.ms-excel", "xls");
    document("application/vnd.ms-powerpoint", "ppt");
    document("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
    document("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
    document("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx");
    document("application/vnd.oasis.opendocument.text", "odt");
    document("application/vnd.oasis.opendocument.spreadsheet", "ods");
    document("application/vnd.oasis.opendocument.presentation", "odp");
  }

  private static void audio(String type, String extension) {
    TAKEN.put(
        type,
        new FileType(type.equals("audio/x-m4a") ? "audio/mp4" : sent(type), extension, Kind.AUDIO));
  }

  private static void video(String type, String extension) {
    TAKEN.put(type, new FileType(type, extension, Kind.VIDEO));
  }

  private static void document(String type, String extension) {
    TAKEN.put(type, new FileType(type, extension, Kind.DOCUMENT));
  }

  /** The name browsers know an audio type by, where Tika's differs. */
  private static String sent(String type) {
    return switch (type) {
      case "audio/vnd.wave", "audio/x-wav" -> "audio/wav";
      case "audio/x-flac" -> "audio/flac";
      case "audio/vorbis" -> "audio/ogg";
      case "audio/x-aac" -> "audio/aac";
      default -> type;
    };
  }

  /**
   * The name readers save the file under: the uploader's, but where its ending says another kind of
   * file than it is (a recording called {@code interview.zip}, or no ending at all), with the
   * ending of what it is, as WordPress corrects a misnamed upload: a reader's computer picks the
   * program that opens a download by its name. Text keeps any ending ({@code notes.md}), and Ogg
   * any of the container's.
   */
  String nameFor(String filename) {
    if (contentType.equals("text/plain")) {
      return filename;
    }
    int dot = filename.lastIndexOf('.');
    String ending = dot > 0 ? filename.substring(dot).toLowerCase(Locale.ROOT) : "";
    boolean ogg = OGG.contains(ending) && OGG.contains("." + extension);
    if (ogg || ending.equals("." + extension) || endingsOf(contentType).contains(ending)) {
      return filename;
    }
    return (dot > 0 ? filename.substring(0, dot) : filename) + "." + extension;
  }

  /** One container whatever it carries: players open any of them by any of these names. */
  private static final List<String> OGG = List.of(".ogg", ".oga", ".ogv", ".opus");

  /**
   * The endings Tika knows for the type ({@code .mp3}, {@code .mpga}); none for a type it lacks.
   */
  private static List<String> endingsOf(String type) {
    try {
      return MimeTypes.getDefaultMimeTypes().forName(type).getExtensions();
    } catch (MimeTypeException unknown) {
      return List.of();
    }
  }

  /** Every type the blog takes. */
  static Collection<FileType> taken() {
    return TAKEN.values();
  }

  /**
   * What the file is, read from its first bytes (and its name where they leave it open); empty when
   * the blog does not take such files.
   *
   * @return its type, or the name of what it is when that is not taken
   */
  static Detected detect(InputStream content, String filename) throws IOException {
    MediaType detected = MediaType.parse(TIKA.detect(content, filename));
    MediaType type = REGISTRY.normalize(detected.getBaseType());
    FileType taken = TAKEN.get(type.toString());
    if (taken == null) {
      taken = TAKEN.get(detected.getBaseType().toString());
    }
    return new Detected(type.toString(), Optional.ofNullable(taken));
  }

  /** What Tika made of a file, and the blog's type for it if it takes it. */
  record Detected(String name, Optional<FileType> type) {}

  /** What an author is told the blog takes. */
  static String accepted() {
    return "Upload audio (MP3, M4A, Ogg, Opus, WAV, FLAC, AAC), video (MP4, WebM, Ogg, QuickTime)"
        + " or a document (PDF, EPUB, ZIP, text, CSV, RTF, Word, Excel, PowerPoint,"
        + " OpenDocument). Pictures go to the pictures; web pages, SVG and programs are not"
        + " taken.";
  }
}
