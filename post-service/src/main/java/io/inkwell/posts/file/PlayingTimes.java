package io.inkwell.posts.file;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.XMPDM;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.mp3.Mp3Parser;
import org.apache.tika.parser.mp4.MP4Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * How long an episode or a video plays, read by Apache Tika's parsers: an MP3's frames counted (a
 * 100 MB file in well under a second), an MP4's or QuickTime's header. Podcast apps show it before
 * they fetch the file ({@code itunes:duration}), and so do the blog's Files. None for the other
 * types, nor for a file its parser cannot read: the file is taken all the same.
 */
final class PlayingTimes {

  private static final Logger log = LoggerFactory.getLogger(PlayingTimes.class);

  /** By the blog's content type, the parser that reads how long it plays. */
  private static final Map<String, Parser> PARSERS =
      Map.of(
          "audio/mpeg", new Mp3Parser(),
          "audio/mp4", new MP4Parser(),
          "video/mp4", new MP4Parser(),
          "video/x-m4v", new MP4Parser(),
          "video/quicktime", new MP4Parser());

  /** The content types whose playing time is read. */
  static final Set<String> TYPES = PARSERS.keySet();

  private PlayingTimes() {}

  /** Whole seconds, at least one; empty for a type not read or a file that cannot be. */
  static Optional<Long> secondsOf(String contentType, InputStreamSource content) {
    Parser parser = PARSERS.get(contentType);
    if (parser == null) {
      return Optional.empty();
    }
    var metadata = new Metadata();
    try (InputStream in = new BufferedInputStream(content.getInputStream())) {
      parser.parse(in, new DefaultHandler(), metadata, new ParseContext());
    } catch (Exception | StackOverflowError unreadable) {
      // a made-up file may nest an MP4's boxes deeper than a reader's stack goes
      log.debug("Could not read how long a {} plays", contentType, unreadable);
      return Optional.empty();
    }
    try {
      double seconds = Double.parseDouble(String.valueOf(metadata.get(XMPDM.DURATION)));
      return Double.isFinite(seconds) && seconds > 0
          ? Optional.of(Math.max(1, Math.round(seconds)))
          : Optional.empty();
    } catch (NumberFormatException none) {
      return Optional.empty();
    }
  }
}
