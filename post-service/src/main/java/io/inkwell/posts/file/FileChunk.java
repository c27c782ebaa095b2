package io.inkwell.posts.file;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One piece of a file's bytes, addressed by the file's id and its place ({@code {fileId}:{n}}): the
 * same file's n-th chunk is always the same bytes, so two uploads of one file write the same
 * chunks, and neither can take away the other's (which GridFS's clean-up after a failed upload
 * would). They are always found by their ids, never by {@code fileId}, which says whose they are to
 * someone reading the database.
 */
@Document("file-chunks")
record FileChunk(@Id String id, String fileId, long n, byte[] data) {

  static String id(String fileId, long n) {
    return fileId + ":" + n;
  }
}
