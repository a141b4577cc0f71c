package chat.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedisInfoTest {
  /** The start of Redis 7.0's {@code INFO stats}, as it sends it: CRLF lines under a heading. */
  private static final String STATS = String.join("\r\n", "# Stats", "total_connections_received:7",
      "total_commands_processed:1234", "instantaneous_ops_per_sec:3", "total_net_input_bytes:98765",
      "instantaneous_input_kbps:0.12", "rejected_connections:0", "", "# Other", "role:master", "");

  @Test
  void readsTheCommandCounterOfInfoStats() {
    RedisInfo info = RedisInfo.parse(STATS);

    assertEquals(1234, info.totalCommandsProcessed());
    assertEquals(7, info.number("total_connections_received"));
    assertEquals("master", info.fields().get("role"));
  }

  @Test
  void aMissingOrFractionalFieldIsNoNumber() {
    RedisInfo info = RedisInfo.parse(STATS);

    assertEquals(-1, info.number("instantaneous_input_kbps"));
    assertEquals(-1, RedisInfo.parse("# Server\r\nredis_version:7.0.15\r\n").totalCommandsProcessed());
  }

  @Test
  void theGrowthBetweenTwoReadingsLeavesOutTheFirstReadingsOwnInfo() {
    assertEquals(250, RedisProbe.commandsBetween(1000, 1251), "Redis counts an INFO once it has answered it");
    assertEquals(-1, RedisProbe.commandsBetween(-1, 1251));
    assertEquals(-1, RedisProbe.commandsBetween(1000, -1));
  }

  @Test
  void withoutRedisNothingIsAddedToTheNodesFigures() {
    assertEquals(false, RedisProbe.NONE.present());
    assertEquals(0, RedisProbe.NONE.cpuSplit()[0]);
    assertEquals(new IoCounters(0, 0, 0, 0), RedisProbe.NONE.io());
    assertEquals(-1, RedisProbe.NONE.commandsProcessed());
  }
}
