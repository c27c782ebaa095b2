package io.inkwell.posts.importer;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.StAXStreamBuilder;

/**
 * A Blogger, WordPress or Ghost export as the owner uploads it: the file itself, or the zip archive
 * it came in (Google Takeout's for Blogger, WordPress.com's, one with Ghost's pictures), told apart
 * by their first bytes. Either way the file is handed to its reader as text as it arrives, only up
 * to the import's limit (the readers parse it as it goes, {@link #xml} for XML, never holding the
 * whole file); the archive around it is written to disk as it arrives ({@link ExportArchive}), up
 * to its own, larger limit, and whatever else it holds (Takeout's pictures and themes) is not read.
 */
final class ExportFile {

  private static final byte[] ZIP = {'P', 'K', 3, 4};

  /**
   * Reads XML as it arrives, its text whole between marks; a document type is not read at all (and
   * refused, {@link #rootOf}).
   */
  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XML.setProperty(XMLInputFactory.IS_COALESCING, true);
  }

  private ExportFile() {}

  /**
   * The posts of each export file of the upload.
   *
   * @param largest the most one export file may be, zipped or not
   * @param charset the file's as the upload's Content-Type names it; an archive's files are UTF-8
   * @param exportsIn the export files in an archive, by name; an {@link UnreadableImport} that says
   *     which file the owner should have uploaded when it has none
   * @param posts what one export file holds, read from its text as it arrives
   */
  static <T> List<T> read(
      InputStream upload,
      long largest,
      Charset charset,
      Function<ExportArchive, List<ZipEntry>> exportsIn,
      Function<Reader, List<T>> posts) {
    try {
      var in = new BufferedInputStream(upload);
      in.mark(ZIP.length);
      byte[] start = in.readNBytes(ZIP.length);
      in.reset();
      if (start.length == 0) {
        throw new NoExport();
      }
      if (!Arrays.equals(start, ZIP)) {
        return posts.apply(
            text(new Bounded(in, largest, () -> new ImportTooLarge(largest)), charset));
      }
      try (var archive = ExportArchive.of(in, "This zip archive cannot be read.")) {
        List<T> all = new ArrayList<>();
        for (ZipEntry export : exportsIn.apply(archive)) {
          if (export.getSize() > largest) {
            throw new ImportTooLarge(export.getName(), largest);
          }
          try (var file = archive.open(export, largest)) {
            all.addAll(posts.apply(text(file, StandardCharsets.UTF_8)));
          }
        }
        return all;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A reader of the export's XML as it arrives, before its first event. */
  static XMLStreamReader xml(Reader text) throws XMLStreamException {
    return XML.createXMLStreamReader(text);
  }

  /**
   * Moves the reader to the document's root element. A document type is refused before it declares
   * anything, so no entity, external or expanding, is ever read.
   *
   * @param notReadable what the owner is told of a file without a root or with a document type
   */
  static void rootOf(XMLStreamReader xml, String notReadable) throws XMLStreamException {
    for (int event = xml.getEventType();
        event != XMLStreamConstants.START_ELEMENT;
        event = xml.next()) {
      if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.END_DOCUMENT) {
        throw new UnreadableImport(notReadable);
      }
    }
  }

  /**
   * Reads the elements inside the one the reader is at, each built whole and alone (JDOM's {@code
   * StAXStreamBuilder.fragment}) and handed on as it is read, up to that element's end; text and
   * comments between them are passed over.
   */
  static void eachChild(XMLStreamReader xml, Consumer<Element> child)
      throws XMLStreamException, JDOMException {
    var elements = new StAXStreamBuilder();
    // every element inside is read whole, so the next end is the parent's
    for (int event = xml.next(); event != XMLStreamConstants.END_ELEMENT; ) {
      if (event != XMLStreamConstants.START_ELEMENT) {
        event = xml.next();
        continue;
      }
      child.accept((Element) elements.fragment(xml));
      event = xml.getEventType();
    }
  }

  /**
   * What the owner is told of a file its reader gave up on: the import's own refusal when it was
   * one (the file larger than an import takes, something the file lacks), else that this is no
   * readable export.
   */
  static RuntimeException refusalIn(Exception e, String notReadable) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnreadableImport || cause instanceof ImportTooLarge) {
        return (RuntimeException) cause;
      }
    }
    return new UnreadableImport(notReadable);
  }

  /**
   * The file's text from its first mark: a byte-order mark (Notepad saves UTF-8 with one) and blank
   * lines before the XML declaration (a WordPress plugin's stray output ahead of the export) are no
   * part of the export, and an XML parser refuses a declaration after them.
   */
  private static Reader text(InputStream file, Charset charset) throws IOException {
    var text = new BufferedReader(new InputStreamReader(file, charset));
    text.mark(1);
    for (int c = text.read();
        c == '\uFEFF' || c != -1 && Character.isWhitespace(c);
        c = text.read()) {
      text.mark(1);
    }
    text.reset();
    return text;
  }

  /** An upload read only up to the import's limit: one byte more is the refusal it is given. */
  static class Bounded extends FilterInputStream {

    private final long largest;
    private final Supplier<RuntimeException> refusal;
    private long count;

    Bounded(InputStream in, long largest, Supplier<RuntimeException> refusal) {
      super(in);
      this.largest = largest;
      this.refusal = refusal;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      counted(b == -1 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      counted(Math.max(n, 0));
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      counted(skipped);
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    /** The bytes read so far. */
    long count() {
      return count;
    }

    private void counted(long n) {
      count += n;
      if (count > largest) {
        throw refusal.get();
      }
    }
  }

  /** The upload has no body at all. */
  static final class NoExport extends RuntimeException {

    NoExport() {
      super("The request has no body; this address takes one.");
    }
  }
}
