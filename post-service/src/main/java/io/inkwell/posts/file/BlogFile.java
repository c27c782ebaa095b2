package io.inkwell.posts.file;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An uploaded file: a podcast's episode, a video, a PDF, as WordPress's Media and Ghost's audio,
 * video and file cards keep them. Its id is derived from its bytes, as a picture's is (ADR 8), so
 * the same file uploaded twice is one file and its address never changes what it holds. Its bytes
 * are {@link FileChunk}s, written before this document.
 *
 * @param kind what a post does with it: plays it, or links to it
 * @param chunkSize how many bytes each of its chunks holds (the last fewer)
 * @param duration how many seconds it plays, where that was read from it (MP3, MP4, M4A, MOV); null
 *     for other files, and for files uploaded before it was read
 */
@Document("files")
public record BlogFile(
    @Id String id,
    String contentType,
    FileType.Kind kind,
    long size,
    int chunkSize,
    String filename,
    Uploader uploadedBy,
    Instant uploadedAt,
    Long duration) {

  /** Where readers fetch it, relative to the blog's address. */
  public static final String PATH = "/api/files/";

  /** The staff member (or integration) who uploaded it. */
  public record Uploader(String id, String name) {}

  public String path() {
    return PATH + id;
  }

  /**
   * What an author pastes into a post: a link named by the file's name (without its extension). A
   * link to an audio or video file alone on its line is played where it stands.
   */
  public String markdown() {
    String name =
        filename.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "").replaceAll("[\\[\\]\\\\]", "").strip();
    return "[" + (name.isEmpty() ? filename : name) + "](" + path() + ")";
  }

  /** How many chunks hold its bytes. */
  long chunks() {
    return (size + chunkSize - 1) / chunkSize;
  }
}
