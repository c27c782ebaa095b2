package io.inkwell.posts.importer;

import io.inkwell.posts.post.Actor;
import io.inkwell.posts.post.PostImports;
import io.inkwell.posts.post.PostImports.ImportedPost;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Stores what an export file held. The whole file is read before anything is stored, so an
 * unreadable file imports nothing; ids come from the old platform's, so importing the same file
 * again adds nothing. Pictures inside a post's HTML become the blog's own ({@link InlinePictures}),
 * and those it shows from the old blog's host are copied afterwards when the importer asks for it.
 */
@Service
class Importer {

  private final PostImports imports;
  private final InlinePictures pictures;
  private final PictureCopying copying;

  Importer(PostImports imports, InlinePictures pictures, PictureCopying copying) {
    this.imports = imports;
    this.pictures = pictures;
    this.copying = copying;
  }

  /**
   * @param posts the posts created
   * @param alreadyThere those imported before, left as they are
   * @param comments the comments sent along with the new published posts
   * @param picturesToCopy the posts whose pictures (or files) are being copied from the old blog's
   *     host (none unless asked for, and none of a post whose pictures are all here already)
   */
  record Result(int posts, int alreadyThere, int comments, int picturesToCopy) {}

  /**
   * @param importer who imports, the uploader of the pictures found inside posts
   * @param copyPictures whether the pictures posts show from the old blog's host are to be copied
   *     to the blog ({@link PictureCopying}), those of posts imported before too
   */
  Result store(List<ImportedPost> posts, Actor importer, boolean copyPictures) {
    int created = 0;
    int existing = 0;
    int comments = 0;
    int toCopy = 0;
    // each label's old slug once, however many posts carry it (and from a second import too)
    Map<String, String> tagSlugs = new LinkedHashMap<>();
    // every post's pictures before any post, so a post whose text cannot be read stores no post
    List<ImportedPost> withPictures =
        posts.stream().map(post -> post.withHtml(pictures.stored(post.html(), importer))).toList();
    for (ImportedPost stored : withPictures) {
      stored.tagSlugs().forEach(tagSlugs::putIfAbsent);
      if (imports.importPost(stored)) {
        created++;
        comments += stored.isPublished() ? stored.comments().size() : 0;
      } else {
        existing++;
      }
      if (copyPictures
          && copying.plan(stored.id(), stored.title(), stored.html(), stored.cover(), importer)) {
        toCopy++;
      }
    }
    imports.rememberTagSlugs(tagSlugs);
    return new Result(created, existing, comments, toCopy);
  }
}
