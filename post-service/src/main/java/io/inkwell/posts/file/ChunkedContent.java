package io.inkwell.posts.file;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.AbstractResource;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A file's bytes as they are sent: read from its chunks one at a time, so that a reader's request
 * holds one chunk in memory, and a request for a part of it (a player seeking into an hour of
 * audio) starts at the chunk that holds its first byte rather than reading everything before it.
 */
final class ChunkedContent extends AbstractResource {

  private final MongoTemplate mongo;
  private final BlogFile file;
  private final boolean withBytes;

  ChunkedContent(MongoTemplate mongo, BlogFile file) {
    this(mongo, file, true);
  }

  private ChunkedContent(MongoTemplate mongo, BlogFile file, boolean withBytes) {
    this.mongo = mongo;
    this.file = file;
    this.withBytes = withBytes;
  }

  /**
   * The same file's length and dates, for a HEAD: a podcast app asks an episode's size so, and
   * reading its hundred chunks only for them to be dropped would make every such question cost a
   * download.
   */
  ChunkedContent withoutBytes() {
    return new ChunkedContent(mongo, file, false);
  }

  @Override
  public InputStream getInputStream() {
    return withBytes ? new Chunks() : new Nothing();
  }

  @Override
  public long contentLength() {
    return file.size();
  }

  @Override
  public boolean exists() {
    return true;
  }

  @Override
  public long lastModified() {
    return file.uploadedAt().toEpochMilli();
  }

  @Override
  public String getFilename() {
    return file.filename();
  }

  @Override
  public String getDescription() {
    return "file " + file.id();
  }

  /** No bytes, whatever part is asked for (a HEAD with a {@code Range}). */
  private static final class Nothing extends InputStream {

    @Override
    public int read() {
      return -1;
    }

    @Override
    public long skip(long count) {
      return Math.max(0, count);
    }
  }

  /** The bytes from a position on, each chunk read when the position reaches it. */
  private final class Chunks extends InputStream {

    private long position;
    private long loadedChunk = -1;
    private byte[] chunk;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (position >= file.size()) {
        return -1;
      }
      long n = position / file.chunkSize();
      if (n != loadedChunk) {
        FileChunk stored = mongo.findById(FileChunk.id(file.id(), n), FileChunk.class);
        if (stored == null) {
          throw new IOException("Chunk " + n + " of " + file.id() + " is missing");
        }
        chunk = stored.data();
        loadedChunk = n;
      }
      int from = (int) (position - n * file.chunkSize());
      int count = Math.min(length, chunk.length - from);
      if (count <= 0) {
        throw new IOException("Chunk " + n + " of " + file.id() + " is shorter than its file says");
      }
      System.arraycopy(chunk, from, into, offset, count);
      position += count;
      return count;
    }

    /** Skips to a position without reading the chunks before it. */
    @Override
    public long skip(long count) {
      long skipped = Math.max(0, Math.min(count, file.size() - position));
      position += skipped;
      return skipped;
    }

    @Override
    public int available() {
      return loadedChunk == position / file.chunkSize()
          ? (int)
              Math.min(
                  chunk.length - (position - loadedChunk * file.chunkSize()), Integer.MAX_VALUE)
          : 0;
    }
  }
}
