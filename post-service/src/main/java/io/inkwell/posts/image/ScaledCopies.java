package io.inkwell.posts.image;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Narrower copies of the blog's JPEG and PNG pictures, so that a phone is not sent the five
 * megabytes a camera wrote (Ghost and WordPress do the same). A copy is made the first time a
 * browser asks for it, one at a time whatever the number of readers, and kept.
 *
 * <p>GIFs (which may move) and WebP pictures (which ImageIO cannot write) are always sent whole.
 * Whatever goes wrong while scaling, the reader gets the picture itself: a copy is an economy,
 * never a reason for a broken picture.
 */
@Service
class ScaledCopies {

  private static final Logger log = LoggerFactory.getLogger(ScaledCopies.class);

  private static final List<String> SCALABLE = List.of("image/jpeg", "image/png");

  private static final float JPEG_QUALITY = 0.82f;

  /**
   * The most pixels decoded to make one copy, about 24 MB in memory: a 24-megapixel photo is read
   * at every second pixel of every second row, and still has half again the pixels of the widest
   * copy.
   */
  private static final long DECODED_PIXELS = 6_000_000;

  /** Decoding a large picture takes tens of megabytes: one at a time. */
  private final Semaphore scaling = new Semaphore(1);

  private final MongoTemplate mongo;
  private final ImageSettings settings;
  private final Timer scaled;

  ScaledCopies(MongoTemplate mongo, ImageSettings settings, MeterRegistry registry) {
    this.mongo = mongo;
    this.settings = settings;
    this.scaled =
        Timer.builder("inkwell.images.scaling")
            .description("Time to make a narrower copy of a picture for readers' browsers")
            .register(registry);
  }

  /** The widths of the copies a browser may ask for: the configured ones narrower than it. */
  List<Integer> widths(String contentType, int width) {
    if (!SCALABLE.contains(contentType)) {
      return List.of();
    }
    return settings.widths().stream().filter(w -> w < width).sorted().toList();
  }

  boolean offered(int width) {
    return settings.widths().contains(width);
  }

  /**
   * The copy of the picture {@code width} wide, made now if it is the first time; empty when the
   * picture itself is what the browser should get (no such copy, or it could not be made in time).
   */
  Optional<ImageCopy> copy(Image picture, int width) {
    if (!widths(picture.contentType(), picture.width()).contains(width)) {
      return Optional.empty();
    }
    String id = ImageCopy.id(picture.id(), width);
    ImageCopy kept = mongo.findById(id, ImageCopy.class);
    if (kept != null) {
      return Optional.of(kept).filter(ImageCopy::smallerThanThePicture);
    }
    try {
      if (!scaling.tryAcquire(settings.scalingWait().toMillis(), TimeUnit.MILLISECONDS)) {
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    try {
      kept = mongo.findById(id, ImageCopy.class);
      if (kept == null) {
        kept = make(id, picture, width);
      }
      return Optional.of(kept).filter(ImageCopy::smallerThanThePicture);
    } catch (IOException | RuntimeException e) {
      log.warn(
          "Could not scale picture {} to {} pixels wide; sending it whole", picture.id(), width, e);
      return Optional.empty();
    } finally {
      scaling.release();
    }
  }

  /** Forgets a deleted picture's copies. */
  void forget(String imageId) {
    mongo.remove(Query.query(where("imageId").is(imageId)), ImageCopy.class);
  }

  private ImageCopy make(String id, Image described, int width) throws IOException {
    Image picture = mongo.findById(described.id(), Image.class);
    if (picture == null) {
      throw ImageProblem.notFound();
    }
    long started = System.nanoTime();
    BufferedImage scaledImage = scale(picture, width);
    var out = new ByteArrayOutputStream();
    boolean jpeg = picture.contentType().equals("image/jpeg");
    var builder = Thumbnails.of(scaledImage).scale(1).outputFormat(jpeg ? "jpg" : "png");
    if (jpeg) {
      builder.outputQuality(JPEG_QUALITY);
    }
    builder.toOutputStream(out);
    byte[] bytes = out.toByteArray();
    var copy =
        new ImageCopy(
            id,
            picture.id(),
            scaledImage.getWidth(),
            scaledImage.getHeight(),
            picture.contentType(),
            bytes.length < picture.size() ? bytes : null);
    try {
      mongo.insert(copy);
    } catch (DuplicateKeyException madeMeanwhile) {
      // another instance of the service made it too: the same bytes
    }
    scaled.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    return copy;
  }

  /**
   * Decodes only every n-th pixel of a large picture (keeping up to twice the pixels the copy
   * needs, so the final scaling has some to average, and never more than {@link #DECODED_PIXELS}),
   * turns it as its camera said, and scales it.
   */
  private static BufferedImage scale(Image picture, int width) throws IOException {
    try (ImageInputStream in =
        ImageIO.createImageInputStream(new ByteArrayInputStream(picture.content()))) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      try {
        reader.setInput(in, true, false);
        Orientation orientation = orientation(reader);
        long pixels = (long) picture.width() * picture.height();
        int step =
            Math.max(
                Math.max(1, picture.width() / (2 * width)),
                (int) Math.ceil(Math.sqrt((double) pixels / DECODED_PIXELS)));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage decoded = reader.read(0, param);
        if (orientation != Orientation.TOP_LEFT) {
          decoded = ExifFilterUtils.getFilterForOrientation(orientation).apply(decoded);
        }
        return Thumbnails.of(decoded).width(width).asBufferedImage();
      } finally {
        reader.dispose();
      }
    }
  }

  /** Whether a picture taken so is shown with its width and height exchanged. */
  static boolean turnsSideways(Orientation orientation) {
    return switch (orientation) {
      case LEFT_TOP, RIGHT_TOP, RIGHT_BOTTOM, LEFT_BOTTOM -> true;
      default -> false;
    };
  }

  /** How the camera was held, from a JPEG's EXIF; upright for anything else. */
  static Orientation orientation(ImageReader reader) {
    try {
      Orientation orientation = ExifUtils.getExifOrientation(reader, 0);
      return orientation == null ? Orientation.TOP_LEFT : orientation;
    } catch (IOException | RuntimeException noExif) {
      return Orientation.TOP_LEFT;
    }
  }
}
