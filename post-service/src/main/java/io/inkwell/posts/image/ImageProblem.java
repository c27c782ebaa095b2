package io.inkwell.posts.image;

import org.springframework.http.HttpStatus;

/** Why an image cannot be stored or removed; each becomes a problem+json of its own type. */
public class ImageProblem extends RuntimeException {

  private final HttpStatus status;
  private final String type;
  private final String title;
  private final Long retryAfter;

  ImageProblem(HttpStatus status, String type, String title, String detail) {
    this(status, type, title, detail, null);
  }

  private ImageProblem(
      HttpStatus status, String type, String title, String detail, Long retryAfter) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.retryAfter = retryAfter;
  }

  static ImageProblem notFound() {
    return new ImageProblem(
        HttpStatus.NOT_FOUND, "not-found", "Image not found", "There is no image at this address.");
  }

  static ImageProblem notAnImage(String detail) {
    return new ImageProblem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-an-image", "Not an image we accept", detail);
  }

  static ImageProblem unreadable() {
    return new ImageProblem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "unreadable-image",
        "Unreadable image",
        "The file looks like an image but cannot be read; it may be cut off or damaged.");
  }

  static ImageProblem tooManyPixels(int width, int height, long max) {
    return new ImageProblem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "image-too-large",
        "Image too large to show",
        "The image is %d × %d pixels; at most %d pixels in all can be shown in a browser."
            .formatted(width, height, max));
  }

  static ImageProblem unsupportedWidth(java.util.List<Integer> widths) {
    return new ImageProblem(
        HttpStatus.BAD_REQUEST,
        "unsupported-width",
        "No copy of that width",
        "Pictures are offered " + widths + " pixels wide, or whole without ?w=.");
  }

  static ImageProblem busy(long retryAfterSeconds) {
    return new ImageProblem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "pictures-busy",
        "Too many pictures being sent",
        "Many large pictures are being sent at once; try again in a few seconds.",
        retryAfterSeconds);
  }

  static ImageProblem theSites() {
    return new ImageProblem(
        HttpStatus.CONFLICT,
        "image-in-use",
        "Image in use",
        "The image is the blog's icon or logo; choose another in Settings before deleting it.");
  }

  static ImageProblem inUse(long posts) {
    return new ImageProblem(
        HttpStatus.CONFLICT,
        "image-in-use",
        "Image in use",
        "The image is shown in "
            + posts
            + (posts == 1 ? " post" : " posts")
            + "; take it out of them before deleting it.");
  }

  public HttpStatus status() {
    return status;
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
