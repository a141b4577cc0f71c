package chat.server.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import java.util.Locale;
import java.util.function.Function;

/** Resolves a counter's label values once, so that counting later is an array read and an add. */
final class Labels {
  private Labels() {}

  /** One data point per constant, by ordinal; each starts at 0, so its series exists before the first event. */
  static <E extends Enum<E>> CounterDataPoint[] resolve(Counter counter, E[] values, Function<E, String> label) {
    CounterDataPoint[] points = new CounterDataPoint[values.length];
    for (E value : values) {
      points[value.ordinal()] = counter.labelValues(label.apply(value));
    }
    return points;
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
