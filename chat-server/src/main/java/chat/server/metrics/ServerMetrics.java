package chat.server.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.DoubleSupplier;

/**
 * One server's metrics: its own Prometheus registry (never the client's global one, so servers in one JVM,
 * as in the tests, count apart), the parts that count (transport, rooms, store), the JVM's own metrics, and
 * the text format {@code /metrics} answers with. Built by {@code ChatServer} and handed to each part through its
 * constructor; docs/operations.md lists every metric.
 */
public final class ServerMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter format = PrometheusTextFormatWriter.create();
  private final ConnectionMetrics connections = new ConnectionMetrics(registry);
  private final RoomMetrics rooms = new RoomMetrics(registry);
  private final StoreMetrics store = new StoreMetrics(registry);

  /** {@code version} and {@code store} (e.g. "1.0.0", "sqlite") label {@code chat_server_info}. */
  public ServerMetrics(String version, String storeKind) {
    Info.builder().name("chat_server_info").help("The server's version and history store; always 1")
        .labelNames("version", "store").register(registry).setLabelValues(version, storeKind);
    registerJvm(registry);
  }

  /**
   * The JVM's metrics, collector by collector: {@code JvmMetrics.register} keeps every registry it is given in
   * a static set for the JVM's life, and its allocation metrics add GC listeners that are never removed, so
   * each server started in one JVM would stay in memory. These read the JVM's beans at each scrape only.
   */
  private static void registerJvm(PrometheusRegistry registry) {
    JvmMemoryMetrics.builder().register(registry);
    JvmGarbageCollectorMetrics.builder().register(registry);
    JvmThreadsMetrics.builder().register(registry);
    JvmBufferPoolMetrics.builder().register(registry);
    JvmClassLoadingMetrics.builder().register(registry);
    JvmCompilationMetrics.builder().register(registry);
    JvmRuntimeInfoMetric.builder().register(registry);
    ProcessMetrics.builder().register(registry);
  }

  public ConnectionMetrics connections() {
    return connections;
  }

  public RoomMetrics rooms() {
    return rooms;
  }

  public StoreMetrics store() {
    return store;
  }

  /** A gauge read at each scrape from something the server keeps anyway (e.g. the number of active rooms). */
  public void gauge(String name, String help, DoubleSupplier value) {
    GaugeWithCallback.builder().name(name).help(help).callback(callback -> callback.call(value.getAsDouble()))
        .register(registry);
  }

  /** The {@code Content-Type} of {@link #writeTo}: Prometheus text format 0.0.4. */
  public String contentType() {
    return format.getContentType();
  }

  /** Writes every metric, as of now, in the Prometheus text format. */
  public void writeTo(OutputStream out) throws IOException {
    format.write(out, registry.scrape());
  }
}
