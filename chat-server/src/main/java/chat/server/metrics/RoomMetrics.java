package chat.server.metrics;

import chat.protocol.ErrorCode;
import chat.protocol.ServerMessage;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the room logic counts: joins, refusals, posted messages, deliveries to members and how long a message
 * takes to reach them. Labels are fixed sets (never a room or a user), resolved once; counting a fan-out is one
 * add for all its recipients, so nothing here costs anything per delivery.
 */
public final class RoomMetrics {
  /** Bounds of the delivery latency histogram, in seconds: 50 µs to 2.5 s. */
  static final double[] LATENCY_BOUNDS = {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
      0.05, 0.1, 0.25, 0.5, 1, 2.5};

  private final CounterDataPoint newJoins;
  private final CounterDataPoint resumedJoins;
  private final Counter refusals;
  private final AtomicReferenceArray<CounterDataPoint> refusalPoints;
  private final Counter posted;
  private final Counter repeated;
  private final CounterDataPoint messageDeliveries;
  private final CounterDataPoint noticeDeliveries;
  private final CounterDataPoint userListDeliveries;
  private final Histogram deliveryLatency;

  public RoomMetrics(PrometheusRegistry registry) {
    Counter joins = Counter.builder().name("chat_joins")
        .help("Joins answered with a seat: new (the room is told) or resumed (a silent return or a repeated join)")
        .labelNames("kind").withoutExemplars().register(registry);
    newJoins = joins.labelValues("new");
    resumedJoins = joins.labelValues("resumed");
    refusals = Counter.builder().name("chat_refusals")
        .help("Requests answered with an error, by request and reason").labelNames("request", "reason")
        .withoutExemplars().register(registry);
    refusalPoints = new AtomicReferenceArray<>(RequestKind.values().length * ErrorCode.values().length);
    posted = Counter.builder().name("chat_messages_posted")
        .help("Messages and locations members sent that were stored and published").withoutExemplars()
        .register(registry);
    repeated = Counter.builder().name("chat_messages_repeated")
        .help("Sends recognised as repeats of a stored one (same clientId) and acked without posting again")
        .withoutExemplars().register(registry);
    Counter deliveries = Counter.builder().name("chat_deliveries")
        .help("Room frames queued for members in this process (one per recipient): messages, notices and user"
            + " lists").labelNames("kind").withoutExemplars().register(registry);
    messageDeliveries = deliveries.labelValues("message");
    noticeDeliveries = deliveries.labelValues("notice");
    userListDeliveries = deliveries.labelValues("users");
    deliveryLatency = Histogram.builder().name("chat_delivery_latency_seconds").unit(Unit.SECONDS)
        .help("From the room taking a member's message to its frame queued for every member here and its ack"
            + " queued for the sender (store commit included, socket write not)")
        .classicOnly().classicUpperBounds(LATENCY_BOUNDS).withoutExemplars().register(registry);
  }

  /** A join was answered with a seat; {@code announced}: the room was told (a new seat). */
  public void joined(boolean announced) {
    (announced ? newJoins : resumedJoins).inc();
  }

  public void refused(RequestKind request, ErrorCode reason) {
    int index = request.ordinal() * ErrorCode.values().length + reason.ordinal();
    CounterDataPoint point = refusalPoints.get(index);
    if (point == null) {
      point = refusals.labelValues(request.label(), reason.wireName()); // the same point for the same labels
      refusalPoints.set(index, point);
    }
    point.inc();
  }

  public void repeated() {
    repeated.inc();
  }

  /** The start of a delivery latency measurement, for {@link #posted(long)}. */
  public long startNanos() {
    return System.nanoTime();
  }

  /** A member's message taken at {@code startNanos} is stored and queued for every recipient. */
  public void posted(long startNanos) {
    posted.inc();
    deliveryLatency.observe((System.nanoTime() - startNanos) / 1e9);
  }

  /** {@code message} was queued for {@code recipients} members. */
  public void delivered(ServerMessage message, int recipients) {
    if (recipients == 0) {
      return;
    }
    if (message instanceof ServerMessage.RoomData) {
      userListDeliveries.inc(recipients);
    } else if (message instanceof ServerMessage.ChatMessage chat && chat.system()) {
      noticeDeliveries.inc(recipients);
    } else {
      messageDeliveries.inc(recipients);
    }
  }
}
