package io.inkwell.posts.image;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.posts.TextCleaning;
import io.inkwell.posts.post.Actor;
import io.inkwell.posts.post.PictureSizes;
import io.inkwell.posts.post.PostManagement.Position;
import io.inkwell.posts.post.Uploads;
import io.inkwell.posts.site.SiteIdentity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The blog's pictures: stored in post-service's database one document each, addressed by a hash of
 * their bytes, and accepted only when an image reader recognises them as PNG, JPEG, GIF or WebP
 * (whatever the file's name or the client's Content-Type say).
 */
@Service
public class Images implements PictureSizes {

  /** The formats browsers show everywhere, by the image reader's name: media type, extension. */
  private static final Map<String, List<String>> FORMATS =
      Map.of(
          "png", List.of("image/png", "png"),
          "jpeg", List.of("image/jpeg", "jpg"),
          "gif", List.of("image/gif", "gif"),
          "webp", List.of("image/webp", "webp"));

  /** Where readers' browsers fetch a picture, followed by its id. */
  private static final String PATH = PictureSizes.PATH;

  private static final String ACCEPTED =
      "Upload a PNG, JPEG, GIF or WebP picture (SVG is not accepted: it can carry script).";

  private final MongoTemplate mongo;
  private final ImageSettings settings;
  private final Clock clock;
  private final Counter uploaded;
  private final ScaledCopies copies;

  Images(
      MongoTemplate mongo,
      ImageSettings settings,
      ScaledCopies copies,
      Clock clock,
      MeterRegistry registry) {
    this.mongo = mongo;
    this.settings = settings;
    this.copies = copies;
    this.clock = clock;
    // the readers of jars on the class path (WebP), whichever thread first asks for a reader
    ImageIO.scanForPlugins();
    this.uploaded =
        Counter.builder("inkwell.images.uploaded")
            .description("Pictures uploaded (a picture uploaded again counts once)")
            .register(registry);
  }

  /** The image and whether this upload stored it (false: the same picture was already there). */
  public record Stored(Image image, boolean created) {}

  public Stored store(byte[] content, String filename, Actor uploader) {
    Inspected inspected = inspect(content);
    String id = hash(content) + "." + inspected.extension();
    Optional<Image> existing = find(id);
    if (existing.isPresent()) {
      return new Stored(existing.get(), false);
    }
    var image =
        new Image(
            id,
            inspected.mediaType(),
            content.length,
            inspected.width(),
            inspected.height(),
            TextCleaning.fileName(filename, "image"),
            new Image.Uploader(uploader.id(), uploader.name()),
            Instant.now(clock),
            content);
    try {
      mongo.insert(image);
    } catch (DuplicateKeyException sameUploadedMeanwhile) {
      return new Stored(find(id).orElseThrow(), false);
    }
    uploaded.increment();
    return new Stored(withoutContent(image), true);
  }

  /** The image's description, without its bytes. */
  public Optional<Image> find(String id) {
    Query query = Query.query(where("_id").is(id));
    query.fields().exclude("content");
    return Optional.ofNullable(mongo.findOne(query, Image.class));
  }

  /** The image with its bytes, for readers' browsers. */
  public Image load(String id) {
    Image image = mongo.findById(id, Image.class);
    if (image == null) {
      throw ImageProblem.notFound();
    }
    return image;
  }

  /** The size of one of the blog's pictures, by the address a post shows it at. */
  @Override
  public Optional<Size> of(String path) {
    if (path == null || !path.startsWith(PATH)) {
      return Optional.empty();
    }
    return find(path.substring(PATH.length()))
        .map(
            image -> {
              List<Integer> widths = copies.widths(image.contentType(), image.width());
              if (widths.isEmpty()) {
                return new Size(image.width(), image.height());
              }
              var srcset = new StringBuilder();
              for (int width : widths) {
                srcset.append(path).append("?w=").append(width).append(' ');
                srcset.append(width).append("w, ");
              }
              srcset.append(path).append(' ').append(image.width()).append('w');
              return new Size(image.width(), image.height(), srcset.toString(), settings.sizes());
            });
  }

  /** What a browser is sent for the picture's own address; its bytes are read when it is sent. */
  public Shown shown(String id) {
    Image picture = find(id).orElseThrow(ImageProblem::notFound);
    return new Shown(picture.id(), picture.id(), picture.contentType(), picture.size(), null);
  }

  /**
   * The picture {@code width} pixels wide for a browser that asked for a narrower copy: the copy,
   * or the picture itself when it has no such copy.
   */
  public Shown shown(String id, int width) {
    if (!copies.offered(width)) {
      throw ImageProblem.unsupportedWidth(settings.widths());
    }
    Image picture = find(id).orElseThrow(ImageProblem::notFound);
    return copies
        .copy(picture, width)
        .map(
            copy ->
                new Shown(
                    picture.id(),
                    copy.id(),
                    copy.contentType(),
                    copy.content().length,
                    copy.content()))
        .orElseGet(() -> shown(id));
  }

  /** The bytes of what {@code shown} describes. */
  public byte[] bytes(Shown shown) {
    return shown.content() != null ? shown.content() : load(shown.imageId()).content();
  }

  /**
   * What a browser is sent for an address.
   *
   * @param etag the picture's id, or the copy's
   * @param content the bytes, when they are at hand already (a copy's are small)
   */
  public record Shown(String imageId, String etag, String contentType, long size, byte[] content) {}

  public Uploads.Page<Image> list(int limit, String cursor) {
    return Uploads.newestFirst(
        mongo,
        Image.class,
        limit,
        cursor,
        each -> new Position(each.uploadedAt(), each.id()),
        "content");
  }

  /**
   * Removes an image nobody shows any more: its uploader or an editor may, and not while a post
   * (draft or published) still shows it, in its body or as its cover, or while it is the blog's
   * icon, logo or podcast artwork, which would leave a broken picture on the page or in the
   * directories.
   */
  public void delete(String id, Actor actor) {
    Image image = find(id).orElseThrow(ImageProblem::notFound);
    Uploads.checkMayDelete(actor, image.uploadedBy().id(), "an image");
    var shownIn =
        Uploads.linkedFrom(
            mongo,
            new Criteria()
                .orOperator(
                    // the id is hex, a dot and an extension: only the dot needs escaping
                    where("bodyMarkdown").regex(id.replace(".", "\\.")),
                    where("cover.image").is(id)),
            actor);
    if (shownIn.any()) {
      throw ImageProblem.inUse(shownIn);
    }
    if (mongo.exists(
        Query.query(
            new Criteria()
                .orOperator(
                    where("icon").is(id),
                    where("logo.image").is(id),
                    where("podcast.cover").is(id))),
        SiteIdentity.COLLECTION)) {
      throw ImageProblem.theSites();
    }
    mongo.remove(Query.query(where("_id").is(id)), Image.class);
    copies.forget(id);
  }

  private record Inspected(String mediaType, String extension, int width, int height) {}

  /** Reads the picture's header only: its format and size, without decoding its pixels. */
  private Inspected inspect(byte[] content) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw ImageProblem.notAnImage(ACCEPTED);
      }
      ImageReader reader = readers.next();
      try {
        List<String> format = FORMATS.get(reader.getFormatName().toLowerCase(Locale.ROOT));
        if (format == null) {
          throw ImageProblem.notAnImage(
              reader.getFormatName().toUpperCase(Locale.ROOT)
                  + " pictures do not show in every browser. "
                  + ACCEPTED);
        }
        // a JPEG's metadata says how the camera was held: a photo taken upright shows upright
        reader.setInput(in, true, !reader.getFormatName().equalsIgnoreCase("jpeg"));
        boolean turned = ScaledCopies.turnsSideways(ScaledCopies.orientation(reader));
        int width = turned ? reader.getHeight(0) : reader.getWidth(0);
        int height = turned ? reader.getWidth(0) : reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw ImageProblem.unreadable();
        }
        if ((long) width * height > settings.maxPixels()) {
          throw ImageProblem.tooManyPixels(width, height, settings.maxPixels());
        }
        return new Inspected(format.get(0), format.get(1), width, height);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ImageProblem problem) {
        throw problem;
      }
      throw ImageProblem.unreadable();
    }
  }

  private static Image withoutContent(Image image) {
    return new Image(
        image.id(),
        image.contentType(),
        image.size(),
        image.width(),
        image.height(),
        image.filename(),
        image.uploadedBy(),
        image.uploadedAt(),
        null);
  }

  private static String hash(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      // 128 bits: no two different pictures of one blog share an address
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
