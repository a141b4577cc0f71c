package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LauncherTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void goodOptionsStartTheApp() {
    assertEquals(OptionalInt.empty(), check("--name", "Ann Lee", "--room", "lobby", "--join"));
    assertEquals("", text(out) + text(err));
  }

  @Test
  void aBadOptionIsOneLineAndAUsageError() {
    assertEquals(OptionalInt.of(2), check("--colour", "red"));
    assertEquals("chat-desktop: Unknown option: --colour (--help lists the options)\n", text(err));
    assertEquals("", text(out));
  }

  @Test
  void helpPrintsTheOptionsAndExitsCleanly() {
    assertEquals(OptionalInt.of(0), check("--name", "Ann", "--help"));
    assertTrue(text(out).startsWith("Usage: chat-desktop"));
    assertTrue(text(out).contains("--ip-location URL"));
    assertEquals("", text(err));
  }

  private OptionalInt check(String... args) {
    return Launcher.check(List.of(args), printer(out), printer(err));
  }

  private static PrintStream printer(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
