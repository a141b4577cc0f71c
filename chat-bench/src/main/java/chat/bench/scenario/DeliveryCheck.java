package chat.bench.scenario;

import chat.bench.report.RunReport;

/** The message scenarios' verdict on what the receivers saw: every delivery once, in order, in its own room. */
final class DeliveryCheck {
  private DeliveryCheck() {}

  /** Adds a failure, prefixed with {@code phase}, for each broken rule; run on the loop thread. */
  static RunReport verify(Deliveries deliveries, long refused, String phase, RunReport report) {
    long delivered = deliveries.delivered;
    check(report, delivered == deliveries.expected, phase + "received " + delivered + " of " + deliveries.expected
        + " deliveries");
    check(report, deliveries.duplicates == 0, phase + deliveries.duplicates + " duplicate deliveries");
    check(report, deliveries.gaps == 0, phase + deliveries.gaps + " deliveries out of order or after a lost one");
    check(report, deliveries.foreign == 0, phase + deliveries.foreign + " deliveries from another room");
    check(report, refused == 0, phase + refused + " messages refused by the server");
    long incomplete = deliveries.incompleteStreams();
    check(report, incomplete == 0, phase + incomplete + " receiver/sender streams missing their last message");
    return report;
  }

  static void check(RunReport report, boolean ok, String failure) {
    if (!ok) {
      report.fail(failure);
    }
  }
}
