package io.inkwell.posts.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives as Substack and Medium give them, made of test resources or of given files. */
final class Archives {

  private Archives() {}

  /** The resources {@code /folder/name} of each name, as the archive's {@code name}s. */
  static Map<String, byte[]> resources(String folder, String... names) {
    var files = new LinkedHashMap<String, byte[]>();
    for (String name : names) {
      try (InputStream in = Archives.class.getResourceAsStream("/" + folder + "/" + name)) {
        files.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  static byte[] zip(Map<String, byte[]> files) {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      for (var file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
