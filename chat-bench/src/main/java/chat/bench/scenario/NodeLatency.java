package chat.bench.scenario;

import chat.bench.report.RunReport;

/**
 * Delivery latencies of a cluster run, split by whether the receiver is connected to the sender's node (a local
 * delivery) or to another one (a cross-node delivery, which went through the nodes' shared bus). Loop thread
 * only, like {@link Deliveries}, which feeds it.
 */
final class NodeLatency {
  final LatencyHistogram sameNode = new LatencyHistogram();
  final LatencyHistogram crossNode = new LatencyHistogram();

  void record(int senderNode, int receiverNode, long nanos) {
    (senderNode == receiverNode ? sameNode : crossNode).record(nanos);
  }

  /** The cross-node and same-node counts and percentiles, in µs like the other latencies. */
  void report(RunReport report) {
    report.put("cross_node_deliveries", crossNode.count()).put("same_node_deliveries", sameNode.count());
    put(report, "cross_node_latency", crossNode);
    put(report, "same_node_latency", sameNode);
  }

  private static void put(RunReport report, String name, LatencyHistogram latency) {
    report.put(name + "_p50_us", latency.percentile(0.50) / 1e3)
        .put(name + "_p99_us", latency.percentile(0.99) / 1e3)
        .put(name + "_max_us", latency.max() / 1e3);
  }
}
