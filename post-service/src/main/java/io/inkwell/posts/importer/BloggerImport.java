package io.inkwell.posts.importer;

import io.inkwell.posts.importer.BloggerExport.ExportedPost;
import io.inkwell.posts.post.Author;
import io.inkwell.posts.post.PostEvent.ImportedComment;
import io.inkwell.posts.post.PostImports;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Service;

/**
 * Brings a Blogger blog over: posts keep their dates and their Blogger author's name as byline (an
 * author id derived from the Blogger profile, so their posts stay together on one author page),
 * labels become tags, drafts stay drafts, the old permalinks redirect, and comments (threaded
 * replies under their parents) go to comment-service as {@code CommentImported} events. Ids are
 * derived from Blogger's ids, so importing the same file again creates nothing twice.
 */
@Service
class BloggerImport {

  private final PostImports imports;

  BloggerImport(PostImports imports) {
    this.imports = imports;
  }

  record Result(int posts, int alreadyThere, int comments) {}

  Result importExport(String xml) {
    int created = 0;
    int existing = 0;
    int comments = 0;
    for (ExportedPost post : BloggerExport.read(xml)) {
      var importedComments =
          post.comments().stream()
              .map(
                  comment ->
                      new ImportedComment(
                          idFor(comment.sourceId()),
                          comment.parentSourceId() == null ? null : idFor(comment.parentSourceId()),
                          comment.authorName(),
                          comment.html(),
                          comment.published()))
              .toList();
      boolean isNew =
          imports.importPost(
              new PostImports.ImportedPost(
                  idFor(post.sourceId()),
                  post.author() == null
                      ? null
                      : new Author(idFor(post.author().key()), post.author().name()),
                  post.title(),
                  post.html(),
                  post.labels(),
                  post.published(),
                  !post.draft(),
                  post.permalinkPath(),
                  importedComments));
      if (isNew) {
        created++;
        comments += post.draft() ? 0 : importedComments.size();
      } else {
        existing++;
      }
    }
    return new Result(created, existing, comments);
  }

  /** A stable id for a Blogger id: the same source always becomes the same Inkwell id. */
  static String idFor(String bloggerId) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(bloggerId.getBytes(StandardCharsets.UTF_8));
      return "blogger-" + HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
