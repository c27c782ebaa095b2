package io.inkwell.localstack;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with every command holding on to the version of the store it reads
 * until it is done, as H2 does for its own SQL statements.
 *
 * <p>A query walks a collection's pages as they were when it began. Meanwhile the store's
 * background thread rewrites the live pages of half-empty chunks elsewhere (other collections being
 * written make such chunks) and drops the old chunks once a few newer versions exist, so a query
 * that runs longer than a few commits (a full scan of a large collection while a fan-out writes)
 * can come upon a chunk that is gone: "Chunk 19946 not found" (seen on a loaded local stack, and
 * within seconds in EmbeddedMongoTests without this class). H2 keeps every chunk a registered
 * version uses (its maintainers' advice, h2database#2590; the bug is h2database#4383).
 */
final class PinnedVersionH2Backend extends H2Backend {

  private final MVStore store;

  PinnedVersionH2Backend(MVStore store) {
    super(store);
    this.store = store;
  }

  @Override
  public Document handleMessage(MongoMessage message) {
    return pinned(() -> super.handleMessage(message));
  }

  @Override
  public QueryResult handleQuery(MongoQuery query) {
    return pinned(() -> super.handleQuery(query));
  }

  private <T> T pinned(Supplier<T> work) {
    MVStore.TxCounter version = store.registerVersionUsage();
    try {
      return work.get();
    } finally {
      store.deregisterVersionUsage(version);
    }
  }
}
