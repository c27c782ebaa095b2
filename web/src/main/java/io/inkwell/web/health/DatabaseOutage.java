package io.inkwell.web.health;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A failure that is the database of staff's sessions not answering in time (down, a network away,
 * no primary): the admin is unavailable for a while, not broken. Requests that meet it are answered
 * 503 ({@link DatabaseOutages}), and the health check says DOWN without a stack trace.
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
