package io.inkwell.gateway;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.bson.types.Binary;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bucket4j's buckets kept in MongoDB, so that every gateway instance counts against the same ones:
 * a client gets the limit once, however many gateways the requests are spread over. Bucket4j has no
 * MongoDB module; its maintainers' way for another store is a compare-and-swap proxy manager, which
 * this is. A bucket is one document ({@code _id} the limit and the client, {@code state} Bucket4j's
 * bytes, {@code expiresAt} when it would be full again): it is created with an insert that a second
 * instance's insert loses (duplicate key), and changed only where it still holds the state that was
 * read, so two instances that read one state at once cannot both spend its last token; the loser
 * reads again. A TTL index removes the buckets of clients that have gone, and so does the gateway
 * every ten minutes, for the local stack's wire server, which runs no TTL monitor.
 */
final class SharedBuckets extends AbstractCompareAndSwapBasedProxyManager<String>
    implements ExpiredEntriesCleaner, AutoCloseable {

  /** How often buckets whose time is over are removed, a thousand at most each time. */
  private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

  static final String COLLECTION = "rateLimitBuckets";

  private final MongoClient client;
  private final MongoCollection<Document> buckets;
  private final ExpirationAfterWriteStrategy expiration;
  private final AtomicBoolean indexed = new AtomicBoolean();
  private Disposable cleanup = Disposables.disposed();

  private SharedBuckets(MongoClient client, String database, Duration timeout) {
    super(ClientSideConfig.getDefault().withRequestTimeout(timeout));
    this.client = client;
    this.buckets = client.getDatabase(database).getCollection(COLLECTION);
    // a bucket is kept until it would be full again, and a minute more
    this.expiration =
        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));
  }

  /**
   * Connects to the database the URI names ({@code gateway} when it names none). Nothing is waited
   * for: a store that cannot be reached shows in the first request that asks it.
   */
  static SharedBuckets connect(String uri, Duration timeout) {
    var connection = new ConnectionString(uri);
    var settings =
        MongoClientSettings.builder()
            .applyConnectionString(connection)
            .applyToClusterSettings(
                cluster ->
                    cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
            .applyToSocketSettings(
                socket ->
                    socket
                        .connectTimeout((int) timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) timeout.toMillis(), TimeUnit.MILLISECONDS))
            .build();
    String database = connection.getDatabase() == null ? "gateway" : connection.getDatabase();
    var store = new SharedBuckets(MongoClients.create(settings), database, timeout);
    store.expiringBuckets();
    store.cleanup =
        Flux.interval(CLEANUP_EVERY)
            .concatMap(
                tick -> store.removeExpiredBuckets(1_000).onErrorResume(down -> Mono.empty()))
            .subscribe();
    return store;
  }

  /**
   * Removes at most {@code batchSize} buckets that would be full again by now: their clients have
   * gone quiet. One written again since it was found stays.
   */
  @Override
  public int removeExpired(int batchSize) {
    return removeExpiredBuckets(batchSize).block(Duration.ofMinutes(1));
  }

  private Mono<Integer> removeExpiredBuckets(int batchSize) {
    Date now = new Date();
    return Flux.from(
            buckets
                .find(Filters.lt("expiresAt", now))
                .projection(Projections.include("_id"))
                .limit(batchSize))
        .map(bucket -> bucket.get("_id"))
        .collectList()
        .flatMap(
            ids ->
                ids.isEmpty()
                    ? Mono.just(0)
                    : Mono.from(
                            buckets.deleteMany(
                                Filters.and(Filters.in("_id", ids), Filters.lt("expiresAt", now))))
                        .map(deleted -> (int) deleted.getDeletedCount()));
  }

  /**
   * The TTL index that removes the buckets of clients gone quiet; made at the start, or, when the
   * store could not be reached then, with the next bucket created.
   */
  private void expiringBuckets() {
    if (indexed.get()) {
      return;
    }
    Mono.from(
            buckets.createIndex(
                Indexes.ascending("expiresAt"),
                new IndexOptions().expireAfter(0L, TimeUnit.SECONDS)))
        .subscribe(created -> indexed.set(true), notYet -> {});
  }

  @Override
  protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
    var operation = beginAsyncCompareAndSwapOperation(key);
    return new CompareAndSwapOperation() {
      @Override
      public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
        return operation.getStateData(timeoutNanos).join();
      }

      @Override
      public boolean compareAndSwap(
          byte[] originalData,
          byte[] newData,
          RemoteBucketState newState,
          Optional<Long> timeoutNanos) {
        return operation.compareAndSwap(originalData, newData, newState, timeoutNanos).join();
      }
    };
  }

  @Override
  protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
    return new AsyncCompareAndSwapOperation() {
      @Override
      public CompletableFuture<Optional<byte[]>> getStateData(Optional<Long> timeoutNanos) {
        return future(
            Mono.from(buckets.find(Filters.eq("_id", key)).first())
                .map(bucket -> Optional.of(bucket.get("state", Binary.class).getData()))
                .defaultIfEmpty(Optional.empty()),
            timeoutNanos);
      }

      @Override
      public CompletableFuture<Boolean> compareAndSwap(
          byte[] originalData,
          byte[] newData,
          RemoteBucketState newState,
          Optional<Long> timeoutNanos) {
        Date expiresAt = new Date(System.currentTimeMillis() + timeToLiveMillis(newState));
        Mono<Boolean> swapped =
            originalData == null
                ? Mono.fromRunnable(SharedBuckets.this::expiringBuckets)
                    .then(
                        Mono.from(
                            buckets.insertOne(
                                new Document("_id", key)
                                    .append("state", new Binary(newData))
                                    .append("expiresAt", expiresAt))))
                    .thenReturn(true)
                    .onErrorResume(SharedBuckets::takenMeanwhile, taken -> Mono.just(false))
                : Mono.from(
                        buckets.updateOne(
                            Filters.and(
                                Filters.eq("_id", key),
                                Filters.eq("state", new Binary(originalData))),
                            Updates.combine(
                                Updates.set("state", new Binary(newData)),
                                Updates.set("expiresAt", expiresAt))))
                    .map(result -> result.getMatchedCount() == 1);
        return future(swapped, timeoutNanos);
      }
    };
  }

  /** A bucket another instance created since this one found none. */
  private static boolean takenMeanwhile(Throwable failure) {
    return failure instanceof MongoWriteException write
        && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }

  private long timeToLiveMillis(RemoteBucketState state) {
    return expiration.calculateTimeToLiveMillis(state, System.currentTimeMillis() * 1_000_000);
  }

  private static <T> CompletableFuture<T> future(Mono<T> operation, Optional<Long> timeoutNanos) {
    return timeoutNanos
        .map(nanos -> operation.timeout(Duration.ofNanos(nanos)))
        .orElse(operation)
        .toFuture();
  }

  @Override
  public void removeProxy(String key) {
    removeAsync(key).join();
  }

  @Override
  protected CompletableFuture<Void> removeAsync(String key) {
    return Mono.from(buckets.deleteOne(Filters.eq("_id", key))).then().toFuture();
  }

  @Override
  public boolean isAsyncModeSupported() {
    return true;
  }

  @Override
  public boolean isExpireAfterWriteSupported() {
    return true;
  }

  @Override
  public void close() {
    cleanup.dispose();
    client.close();
  }
}
