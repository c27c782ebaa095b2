package io.inkwell.posts.image;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Room in memory for the pictures being sent: a picture is read whole from the database before it
 * is written to the reader, so twenty readers of a 5 MB photo at once would need more heap than the
 * service has. Each sending takes room for its bytes and gives it back once they are written; the
 * others wait their turn, and after a while are told to come back (503).
 */
@Component
class PictureMemory {

  private static final int KIB = 1024;

  private final Semaphore room;
  private final int capacity;
  private final long waitMillis;

  PictureMemory(ImageSettings settings) {
    this.capacity = (int) Math.max(1, settings.servingMemory().toBytes() / KIB);
    this.room = new Semaphore(capacity, true);
    this.waitMillis = settings.servingWait().toMillis();
  }

  interface Sending {
    void send() throws IOException;
  }

  /** Sends with room for {@code bytes} taken, once there is. */
  void withRoomFor(long bytes, Sending sending) throws IOException {
    int needed = (int) Math.min(capacity, Math.max(1, (bytes + KIB - 1) / KIB));
    try {
      if (!room.tryAcquire(needed, waitMillis, TimeUnit.MILLISECONDS)) {
        throw ImageProblem.busy(waitMillis / 1000 + 1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ImageProblem.busy(1);
    }
    try {
      sending.send();
    } finally {
      room.release(needed);
    }
  }
}
