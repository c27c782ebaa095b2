package io.inkwell.posts.file;

import io.inkwell.posts.post.Uploads;

/**
 * Why a file cannot be stored, shown or removed; each becomes a problem+json of its own type, with
 * the HTTP status {@link FileController} gives its {@link Kind}.
 */
public class FileProblem extends RuntimeException {

  /** What kind of trouble it is. */
  public enum Kind {
    /** No such file. */
    NOT_FOUND,
    /** Nothing was sent. */
    EMPTY,
    /** Not a kind of file the blog takes. */
    NOT_TAKEN,
    /** Larger than the blog takes. */
    TOO_LARGE,
    /** Shown somewhere still: it stays. */
    IN_USE
  }

  private final Kind kind;
  private final String type;
  private final String title;

  private FileProblem(Kind kind, String type, String title, String detail) {
    super(detail);
    this.kind = kind;
    this.type = type;
    this.title = title;
  }

  static FileProblem notFound() {
    return new FileProblem(
        Kind.NOT_FOUND, "not-found", "File not found", "There is no file at this address.");
  }

  static FileProblem empty() {
    return new FileProblem(
        Kind.EMPTY, "empty-file", "Empty file", "The file is empty; choose a file to upload.");
  }

  static FileProblem notTaken(String detected) {
    return new FileProblem(
        Kind.NOT_TAKEN,
        "file-type-not-taken",
        "Not a kind of file the blog takes",
        "The file is " + detected + ". " + FileType.accepted());
  }

  static FileProblem tooLarge(long max) {
    return new FileProblem(
        Kind.TOO_LARGE,
        "payload-too-large",
        "Upload too large",
        "The file is larger than the largest the blog takes ("
            + org.springframework.util.unit.DataSize.ofBytes(max).toMegabytes()
            + " MB).");
  }

  static FileProblem inUse(Uploads.LinkedFrom posts) {
    return new FileProblem(
        Kind.IN_USE,
        "file-in-use",
        "File in use",
        "The file is linked from "
            + posts.describe()
            + "; take it out of them before deleting it.");
  }

  public Kind kind() {
    return kind;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }
}
