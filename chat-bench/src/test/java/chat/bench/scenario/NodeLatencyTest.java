package chat.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.bench.report.RunReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeLatencyTest {
  private static final long MS = 1_000_000;

  @Test
  void deliveriesToTheOtherNodeAreCountedApart() {
    NodeLatency latency = new NodeLatency();
    for (int i = 1; i <= 100; i++) {
      latency.record(0, 1, 10 * MS + i * 1000); // through the bus: 10 ms and a bit
      latency.record(1, 1, MS);
    }
    latency.record(1, 0, 40 * MS);

    RunReport report = new RunReport();
    latency.report(report);

    assertEquals(101L, report.get("cross_node_deliveries"));
    assertEquals(100L, report.get("same_node_deliveries"));
    assertEquals(1_000.0, (double) report.get("same_node_latency_p99_us"), 20);
    assertEquals(10_100.0, (double) report.get("cross_node_latency_p99_us"), 200);
    assertEquals(40_000.0, (double) report.get("cross_node_latency_max_us"), 1e-9);
  }

  @Test
  void aRoomsMembersAlternateBetweenTheNodesAndEachRoomStartsOnTheNextOne() {
    List<Integer> firstRoom = new ArrayList<>();
    List<Integer> secondRoom = new ArrayList<>();
    for (int position = 0; position < 4; position++) {
      firstRoom.add(Peer.nodeOf(0, position, 2));
      secondRoom.add(Peer.nodeOf(1, position, 2));
    }

    assertEquals(List.of(0, 1, 0, 1), firstRoom);
    assertEquals(List.of(1, 0, 1, 0), secondRoom, "one sender per room: the rooms' senders on both nodes");
    assertEquals(0, Peer.nodeOf(7, 3, 1), "one server: every user on it");
  }
}
