package io.inkwell.posts.importer;

/** The uploaded file is not an export this importer reads: a 422, and nothing is imported. */
final class UnreadableImport extends RuntimeException {

  UnreadableImport(String message) {
    super(message);
  }
}
