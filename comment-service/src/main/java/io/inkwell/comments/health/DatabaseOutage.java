package io.inkwell.comments.health;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A failure that is the database not answering in time (down, a network away, no primary): the
 * service is unavailable for a while, not broken. Requests are answered 503 for it, scheduled tasks
 * log it in one line, and readiness says DOWN meanwhile.
 */
public final class DatabaseOutage {

  private DatabaseOutage() {}

  /** Whether the failure is such an outage, or was caused by one and wraps it. */
  public static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException
          || cause instanceof MongoTimeoutException
          || cause instanceof MongoSocketException) {
        return true;
      }
    }
    return false;
  }
}
