package io.inkwell.posts.importer;

/** The uploaded file is larger than an import of its kind takes: a 413, nothing imported. */
final class ImportTooLarge extends RuntimeException {

  ImportTooLarge(long limit) {
    super("The file is larger than the " + limit / 1024 / 1024 + " MB an import takes.");
  }

  /** A file inside an uploaded archive, by its name there. */
  ImportTooLarge(String name, long limit) {
    super(name + " is larger than the " + limit / 1024 / 1024 + " MB an import takes.");
  }
}
