package io.inkwell.posts.importer;

import io.inkwell.posts.importer.BloggerExport.ExportedPost;
import io.inkwell.posts.post.Author;
import io.inkwell.posts.post.MetaTags;
import io.inkwell.posts.post.PostEvent.ImportedComment;
import io.inkwell.posts.post.PostImports.ImportedPost;
import java.io.Reader;
import java.util.List;
import java.util.Map;

/**
 * Brings a Blogger blog over: posts and pages keep their dates and their Blogger author's name as
 * byline (an author id derived from the Blogger profile, so their posts stay together on one author
 * page), labels become tags, drafts stay drafts, the old permalinks redirect, and comments
 * (threaded replies under their parents) go to comment-service as {@code CommentImported} events.
 * Ids are derived from Blogger's ids, so importing the same file again creates nothing twice.
 */
final class BloggerImport {

  private BloggerImport() {}

  static List<ImportedPost> posts(Reader xml) {
    return BloggerExport.read(xml).stream().map(BloggerImport::post).toList();
  }

  private static ImportedPost post(ExportedPost post) {
    var comments =
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
    return new ImportedPost(
        idFor(post.sourceId()),
        post.author() == null ? null : new Author(idFor(post.author().key()), post.author().name()),
        post.title(),
        nameIn(post.permalinkPath()),
        post.html(),
        null,
        post.labels(),
        post.published(),
        !post.draft(),
        post.scheduled(),
        post.permalinkPath(),
        true,
        post.page(),
        false,
        comments,
        post.searchDescription() == null
            ? MetaTags.NONE
            : MetaTags.imported(null, post.searchDescription(), null),
        null,
        Map.of());
  }

  /** A stable id for a Blogger id: the same source always becomes the same Inkwell id. */
  static String idFor(String bloggerId) {
    return ImportIds.of("blogger", bloggerId);
  }

  /** Blogger's own permalink name ("wpc-wrap" of /2009/03/wpc-wrap.html) keeps URLs familiar. */
  private static String nameIn(String permalinkPath) {
    if (permalinkPath != null && permalinkPath.endsWith(".html")) {
      return permalinkPath.substring(
          permalinkPath.lastIndexOf('/') + 1, permalinkPath.length() - ".html".length());
    }
    return null;
  }
}
