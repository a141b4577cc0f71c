package chat.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoCountersTest {
  private static final String SAMPLE = String.join("\n", "rchar: 1580", "wchar: 300", "syscr: 5", "syscw: 7",
      "read_bytes: 45056", "write_bytes: 0", "cancelled_write_bytes: 0", "");

  @Test
  void parsesTheCountersOfProcPidIo() {
    assertEquals(new IoCounters(5, 7, 1580, 300), IoCounters.parse(SAMPLE));
  }

  @Test
  void aFileWithoutTheCallCountersIsUnknown() {
    IoCounters parsed = IoCounters.parse("rchar: 1\nwchar: 2\n");

    assertFalse(parsed.known());
    assertEquals(IoCounters.UNKNOWN, new IoCounters(1, 2, 3, 4).minus(parsed));
  }

  @Test
  void countsTheWritesOfThisProcess(@TempDir Path dir) throws IOException {
    IoCounters before = ProcStats.io("self");
    Files.write(dir.resolve("ten-bytes"), new byte[10]);
    IoCounters grown = ProcStats.io("self").minus(before);

    assertTrue(grown.known(), "/proc/self/io is readable on Linux");
    assertTrue(grown.syscw() >= 1, "one write at least, got " + grown);
    assertTrue(grown.wchar() >= 10, "ten bytes at least, got " + grown);
  }
}
