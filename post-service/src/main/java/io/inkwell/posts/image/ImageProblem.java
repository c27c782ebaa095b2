package io.inkwell.posts.image;

import io.inkwell.posts.post.Uploads;

/**
 * Why an image cannot be stored, shown or removed; each becomes a problem+json of its own type,
 * with the HTTP status {@link ImageController} gives its {@link Kind}.
 */
public class ImageProblem extends RuntimeException {

  /** What kind of trouble it is, whoever asked (a request, an import). */
  public enum Kind {
    /** No such picture. */
    NOT_FOUND,
    /** Not a picture of a format the blog takes. */
    NOT_AN_IMAGE,
    /** A picture that cannot be read, or has more pixels than a browser shows. */
    UNUSABLE,
    /** A copy of a width that is not made. */
    NO_SUCH_COPY,
    /** Larger than the blog takes. */
    TOO_LARGE,
    /** Too many large pictures are being read at once: later. */
    BUSY,
    /** Shown somewhere still: it stays. */
    IN_USE
  }

  private final Kind kind;
  private final String type;
  private final String title;
  private final Long retryAfter;

  ImageProblem(Kind kind, String type, String title, String detail) {
    this(kind, type, title, detail, null);
  }

  private ImageProblem(Kind kind, String type, String title, String detail, Long retryAfter) {
    super(detail);
    this.kind = kind;
    this.type = type;
    this.title = title;
    this.retryAfter = retryAfter;
  }

  static ImageProblem notFound() {
    return new ImageProblem(
        Kind.NOT_FOUND, "not-found", "Image not found", "There is no image at this address.");
  }

  static ImageProblem notAnImage(String detail) {
    return new ImageProblem(Kind.NOT_AN_IMAGE, "not-an-image", "Not an image we accept", detail);
  }

  static ImageProblem tooLarge(long max) {
    return new ImageProblem(
        Kind.TOO_LARGE,
        "payload-too-large",
        "Upload too large",
        "The picture is larger than the largest the blog takes ("
            + org.springframework.util.unit.DataSize.ofBytes(max).toMegabytes()
            + " MB).");
  }

  static ImageProblem unreadable() {
    return new ImageProblem(
        Kind.UNUSABLE,
        "unreadable-image",
        "Unreadable image",
        "The file looks like an image but cannot be read; it may be cut off or damaged.");
  }

  static ImageProblem tooManyPixels(int width, int height, long max) {
    return new ImageProblem(
        Kind.UNUSABLE,
        "image-too-large",
        "Image too large to show",
        "The image is %d × %d pixels; at most %d pixels in all can be shown in a browser."
            .formatted(width, height, max));
  }

  static ImageProblem unsupportedWidth(java.util.List<Integer> widths) {
    return new ImageProblem(
        Kind.NO_SUCH_COPY,
        "unsupported-width",
        "No copy of that width",
        "Pictures are offered " + widths + " pixels wide, or whole without ?w=.");
  }

  static ImageProblem busy(long retryAfterSeconds) {
    return new ImageProblem(
        Kind.BUSY,
        "pictures-busy",
        "Too many pictures being sent",
        "Many large pictures are being sent at once; try again in a few seconds.",
        retryAfterSeconds);
  }

  static ImageProblem theSites() {
    return new ImageProblem(
        Kind.IN_USE,
        "image-in-use",
        "Image in use",
        "The image is the blog's icon, logo or podcast artwork; choose another in Settings"
            + " before deleting it.");
  }

  static ImageProblem inUse(Uploads.LinkedFrom posts) {
    return new ImageProblem(
        Kind.IN_USE,
        "image-in-use",
        "Image in use",
        "The image is shown in " + posts.describe() + "; take it out of them before deleting it.");
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

  /** Seconds after which the client may try again, for a 503; null otherwise. */
  public Long retryAfter() {
    return retryAfter;
  }
}
