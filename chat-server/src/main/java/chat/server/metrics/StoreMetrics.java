package chat.server.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.function.IntSupplier;

/**
 * What the history store counts: each batch the room log's writer commits (how long, how many requests; a
 * batch of tasks alone stores nothing and is not counted), failures by operation, whether writes currently
 * succeed, and the backlog. A later dependency (Redis) follows the same pattern: {@code chat_redis_healthy},
 * {@code chat_redis_errors_total{operation}}.
 */
public final class StoreMetrics {
  /** Bounds of the commit latency histogram, in seconds: 50 µs to 5 s. */
  static final double[] COMMIT_BOUNDS = {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
      0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
  /** Bounds of the batch size histogram, in requests; the writer takes at most 2,000 at once. */
  static final double[] BATCH_BOUNDS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000};

  /** What failed: the {@code operation} label of {@code chat_store_errors_total}. */
  public enum Operation { COMMIT, READ, PRUNE }

  private final Histogram commitSeconds;
  private final Histogram batchRequests;
  private final CounterDataPoint[] errors;
  private final Gauge healthy;
  private volatile IntSupplier backlog = () -> 0;

  public StoreMetrics(PrometheusRegistry registry) {
    commitSeconds = Histogram.builder().name("chat_store_commit_seconds").unit(Unit.SECONDS)
        .help("Time to commit one batch of the room log in one transaction (fsynced with SQLite)")
        .classicOnly().classicUpperBounds(COMMIT_BOUNDS).withoutExemplars().register(registry);
    batchRequests = Histogram.builder().name("chat_store_batch_requests")
        .help("Requests (messages, notices, seats, tasks) in one committed batch of the room log")
        .classicOnly().classicUpperBounds(BATCH_BOUNDS).withoutExemplars().register(registry);
    Counter failures = Counter.builder().name("chat_store_errors")
        .help("History store failures: commit (a batch refused: its sends failed), read (history for a join or a"
            + " page), prune (retention)").labelNames("operation").withoutExemplars().register(registry);
    errors = Labels.resolve(failures, Operation.values(), Labels::lower);
    healthy = Gauge.builder().name("chat_store_healthy")
        .help("1 while the history store takes writes, 0 while its commits fail (/healthz is degraded)")
        .withoutExemplars().register(registry);
    healthy.set(1);
    GaugeWithCallback.builder().name("chat_store_pending_appends")
        .help("Messages and notices waiting for the log's writer (over 100,000 are refused)")
        .callback(callback -> callback.call(backlog.getAsInt())).register(registry);
  }

  /** Where the backlog gauge reads from: the room log, once it exists. */
  public void backlogFrom(IntSupplier pendingAppends) {
    backlog = pendingAppends;
  }

  /** A batch of {@code requests} with something to store was committed in {@code nanos}. */
  public void committed(int requests, long nanos) {
    commitSeconds.observe(nanos / 1e9);
    batchRequests.observe(requests);
  }

  /** A batch went through: the store takes writes (again). */
  public void writable() {
    healthy.set(1);
  }

  /** A batch failed to commit: the store refuses writes until one succeeds. */
  public void commitFailed() {
    errors[Operation.COMMIT.ordinal()].inc();
    healthy.set(0);
  }

  public void failed(Operation operation) {
    errors[operation.ordinal()].inc();
  }
}
