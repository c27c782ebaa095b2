package io.inkwell.posts.feed;

import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import io.inkwell.posts.file.BlogFile;
import io.inkwell.posts.file.BlogFiles;
import io.inkwell.posts.post.EpisodeTags;
import io.inkwell.posts.post.MediaPlayers;
import io.inkwell.posts.post.Post;
import io.inkwell.posts.site.Podcasts;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A post's first audio or video the blog plays (post-service's MediaPlayers) as its entry's
 * enclosure, with the file's address, type and length: RSS's {@code <enclosure>} and Atom's {@code
 * <link rel="enclosure">}, by which podcast apps find a podcast's episodes. One a post, as podcast
 * apps take no more.
 */
@Component
class Enclosures {

  private final BlogFiles files;

  Enclosures(BlogFiles files) {
    this.files = files;
  }

  /**
   * The episode of a post: its enclosure, how many seconds it plays where the blog read that from
   * the file (null otherwise), its season, number and kind, and its own artwork: the post's cover
   * where the directories take that (square, 1400 to 3000 pixels), null otherwise.
   */
  record Episode(SyndEnclosure enclosure, Long seconds, EpisodeTags tags, String artwork) {}

  Optional<Episode> of(Post post, String postUrl) {
    return MediaPlayers.firstPlayed(post.bodyHtml())
        .flatMap(src -> files.find(src.substring(BlogFile.PATH.length())))
        .map(
            file -> {
              SyndEnclosure enclosure = new SyndEnclosureImpl();
              enclosure.setUrl(URI.create(postUrl).resolve(file.path()).toString());
              enclosure.setType(file.contentType());
              enclosure.setLength(file.size());
              var cover = post.cover();
              String artwork =
                  cover != null
                          && Podcasts.takenAsArtwork(cover.image(), cover.width(), cover.height())
                      ? URI.create(postUrl).resolve(cover.url()).toString()
                      : null;
              return new Episode(enclosure, file.duration(), post.episodeTags(), artwork);
            });
  }
}
