package io.inkwell.posts.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;

/**
 * A Blogger or WordPress export as the owner uploads it: the file itself, or the zip archive the
 * platform hands it over in (Google Takeout's for Blogger, WordPress.com's), told apart by their
 * first bytes. Either way the file is read whole into memory, for parsing, only up to the import
 * limit; the archive around it is written to disk as it arrives ({@link ExportArchive}), up to its
 * own, larger limit, and whatever else it holds (Takeout's pictures and themes) is not read.
 */
final class ExportFile {

  private static final byte[] ZIP = {'P', 'K', 3, 4};

  private ExportFile() {}

  /**
   * The posts of each export file of the upload.
   *
   * @param largest the most one export file may be, zipped or not
   * @param charset the file's as the upload's Content-Type names it; an archive's files are UTF-8
   * @param exportsIn the export files in an archive, by name; an {@link UnreadableImport} that says
   *     which file the owner should have uploaded when it has none
   * @param posts what one export file holds
   */
  static <T> List<T> read(
      InputStream upload,
      long largest,
      Charset charset,
      Function<ExportArchive, List<ZipEntry>> exportsIn,
      Function<String, List<T>> posts) {
    try {
      var in = new BufferedInputStream(upload);
      in.mark(ZIP.length);
      byte[] start = in.readNBytes(ZIP.length);
      in.reset();
      if (start.length == 0) {
        throw new NoExport();
      }
      if (!Arrays.equals(start, ZIP)) {
        byte[] file = in.readNBytes(Math.toIntExact(Math.min(largest + 1, Integer.MAX_VALUE - 8)));
        if (file.length > largest) {
          throw new ImportTooLarge(largest);
        }
        return posts.apply(text(new String(file, charset)));
      }
      try (var archive = ExportArchive.of(in, "This zip archive cannot be read.")) {
        List<T> all = new ArrayList<>();
        for (ZipEntry export : exportsIn.apply(archive)) {
          if (export.getSize() > largest) {
            throw new ImportTooLarge(export.getName(), largest);
          }
          all.addAll(posts.apply(text(archive.read(export, largest))));
        }
        return all;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The file's text from its first mark: a byte-order mark (Notepad saves UTF-8 with one) and blank
   * lines before the XML declaration (a WordPress plugin's stray output ahead of the export) are no
   * part of the export, and an XML parser refuses a declaration after them.
   */
  private static String text(String file) {
    int start = 0;
    while (start < file.length()
        && (file.charAt(start) == '\uFEFF' || Character.isWhitespace(file.charAt(start)))) {
      start++;
    }
    return file.substring(start);
  }

  /** The upload has no body at all. */
  static final class NoExport extends RuntimeException {

    NoExport() {
      super("The request has no body; this address takes one.");
    }
  }
}
