package io.inkwell.posts.importer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An export that comes as a zip archive (Substack's, Medium's), written to a temporary file as it
 * arrives (most of a large one is what the import does not read: who opened which mail, a reader's
 * claps) and read from its table of contents, entry by entry, each bounded: an archive that unpacks
 * into much more than a blog's text (a zip bomb) is refused, not unpacked. Closing it deletes the
 * file.
 */
final class ExportArchive implements Closeable {

  /** The largest archive taken. */
  static final long LARGEST_ARCHIVE = 100L * 1024 * 1024;

  /** The most one entry read (a list of posts, one post's body) may unpack to. */
  static final int LARGEST_ENTRY = 4 * 1024 * 1024;

  /** The most all entries read together may unpack to. */
  private static final long LARGEST_TOTAL = 64L * 1024 * 1024;

  private final Path file;
  private final ZipFile zip;
  private long read;

  private ExportArchive(Path file, ZipFile zip) {
    this.file = file;
    this.zip = zip;
  }

  /**
   * @param notOne what the owner is told when the upload is no zip archive: which one to upload
   */
  static ExportArchive of(InputStream upload, String notOne) {
    Path file = null;
    try {
      file = Files.createTempFile("inkwell-import", ".zip");
      try (var out = Files.newOutputStream(file)) {
        copy(upload, out);
      }
      if (!isZip(file)) {
        throw new UnreadableImport(notOne);
      }
      return new ExportArchive(file, new ZipFile(file.toFile(), StandardCharsets.UTF_8));
    } catch (ZipException | IllegalArgumentException unreadable) {
      delete(file);
      throw damaged();
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException(e);
    } catch (RuntimeException refused) {
      delete(file);
      throw refused;
    }
  }

  /**
   * The folder the export's files are in, by the name of one of them ({@code posts.csv}, {@code
   * posts/….html}): the archive's top as the platform packs it, or the one folder of an archive
   * unpacked and packed again.
   *
   * @param file the path of such a file inside the folder, a pattern
   * @param missing what the owner is told when the archive has no such file
   */
  String folderOf(String file, String missing) {
    Pattern inFolder = Pattern.compile("^(.*/)?" + file + "$");
    return entries(entry -> inFolder.matcher(entry.getName()).matches()).stream()
        .map(
            entry -> {
              Matcher named = inFolder.matcher(entry.getName());
              named.matches();
              return named.group(1) == null ? "" : named.group(1);
            })
        .min(Comparator.comparingInt(String::length))
        .orElseThrow(() -> new UnreadableImport(missing));
  }

  Optional<ZipEntry> entry(String name) {
    return Optional.ofNullable(zip.getEntry(name));
  }

  List<ZipEntry> entries(Predicate<ZipEntry> which) {
    try {
      return zip.stream().filter(which).map(entry -> (ZipEntry) entry).toList();
    } catch (IllegalArgumentException unreadableName) {
      throw new UnreadableImport("This zip archive cannot be read: its names are not UTF-8.");
    }
  }

  /**
   * The export files in the archive: those whose names end with {@code extension} (any case), in
   * the order of their names, the resource forks a Mac packs beside them ({@code __MACOSX/}) aside.
   *
   * @param whenNone what the owner is told of an archive without one
   */
  List<ZipEntry> exportFiles(String extension, String whenNone) {
    List<ZipEntry> files =
        entries(
            entry ->
                !entry.isDirectory()
                    && !entry.getName().startsWith("__MACOSX/")
                    && entry.getName().toLowerCase(Locale.ROOT).endsWith(extension));
    if (files.isEmpty()) {
      throw new UnreadableImport(whenNone);
    }
    return files.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList();
  }

  /** The entry as UTF-8 text, refused when it unpacks to more than a blog's text would. */
  String read(ZipEntry entry) {
    return read(entry, LARGEST_ENTRY);
  }

  /**
   * The entry as UTF-8 text, refused when it unpacks to more than {@code largest} bytes (a whole
   * blog's export file may be larger than {@link #LARGEST_ENTRY}), or when all entries read
   * together do to more than a blog's text would.
   */
  String read(ZipEntry entry, long largest) {
    try (InputStream in = open(entry, largest)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (ZipException damaged) {
      throw damaged();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The entry's bytes as they unpack, for a reader that parses as it goes, refused as {@link
   * #read(ZipEntry, long)} refuses them: once they pass {@code largest}, or all entries read
   * together pass what a blog's text would.
   */
  InputStream open(ZipEntry entry, long largest) {
    long named = largest <= LARGEST_TOTAL - read ? largest : LARGEST_TOTAL;
    try {
      return new ExportFile.Bounded(
          zip.getInputStream(entry),
          Math.min(largest, LARGEST_TOTAL - read),
          () ->
              new UnreadableImport(
                  entry.getName()
                      + " unpacks to more than "
                      + named / 1024 / 1024
                      + " MB, more than a blog's text: the archive is not imported.")) {

        @Override
        public void close() throws IOException {
          ExportArchive.this.read += count();
          super.close();
        }
      };
    } catch (ZipException damaged) {
      throw damaged();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static UnreadableImport damaged() {
    return new UnreadableImport("This zip archive cannot be read: it is damaged or incomplete.");
  }

  @Override
  public void close() {
    try {
      zip.close();
    } catch (IOException closing) {
      // it was read; the file goes all the same
    }
    delete(file);
  }

  /** The upload to the file, refused once it is larger than {@link #LARGEST_ARCHIVE}. */
  private static void copy(InputStream upload, OutputStream out) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long written = 0;
    for (int read = upload.read(buffer); read != -1; read = upload.read(buffer)) {
      written += read;
      if (written > LARGEST_ARCHIVE) {
        throw new ImportTooLarge(LARGEST_ARCHIVE);
      }
      out.write(buffer, 0, read);
    }
  }

  /** Whether the file starts as a zip archive does ("PK"). */
  private static boolean isZip(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      byte[] start = in.readNBytes(4);
      return start.length == 4 && start[0] == 'P' && start[1] == 'K';
    }
  }

  private static void delete(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException leftInTemp) {
      // the system's temporary folder is cleaned by the system
    }
  }
}
