package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.testing.Await;
import chat.desktop.testing.TestServer;
import chat.protocol.testing.TestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chat-desktop/run.sh} as a user runs it, in a process of its own. It never builds here (the test runs
 * inside a build, which has just written what the script runs) and runs with this JDK.
 */
class LauncherScriptTest {
  private static final Path SCRIPT = Path.of("run.sh").toAbsolutePath();

  @TempDir Path temp;

  @Test
  void aBadOptionPrintsTheAppsOneLineMessageAndFails() throws Exception {
    Run run = run(List.of(), "--colour", "red");
    assertEquals(2, run.exit());
    assertEquals("chat-desktop: Unknown option: --colour (--help lists the options)\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void aValueWithASpaceReachesTheAppAsOneArgument() throws Exception {
    // Split at the space, "Lee" would be the bad option; whole, the complaint is about the next one.
    Run run = run(List.of(), "--name", "Ann Lee", "--colour");
    assertEquals(2, run.exit());
    assertEquals("chat-desktop: Unknown option: --colour (--help lists the options)\n", run.err());
  }

  @Test
  void helpListsTheOptions() throws Exception {
    Run run = run(List.of(), "--help");
    assertEquals(0, run.exit());
    assertTrue(run.out().startsWith("Usage: chat-desktop"), run.out());
    assertEquals("", run.err());
  }

  /** The whole way: the script starts the app (headless, on Monocle), which joins under a name with a space. */
  @Test
  void theAppJoinsUnderANameWithASpace() throws Exception {
    try (TestServer server = TestServer.start()) {
      Process app = start(headless(), "--server", server.address(), "--name", "Ann Lee", "--room", "lobby", "--join");
      // A JVM and a toolkit to start on a busy machine: more time than a wait inside one process.
      try (TestClient bob = TestClient.connect(server.wsUri()).withTimeout(Duration.ofSeconds(45))) {
        bob.join("Bob", "lobby");
        bob.awaitUsers("Bob", "Ann Lee");
      } finally {
        app.destroy();
        app.waitFor(15, TimeUnit.SECONDS);
      }
    }
  }

  /** JVM options for the app's process: Monocle's headless screen, and preferences in a temporary directory. */
  private List<String> headless() {
    String monocle = com.sun.glass.ui.monocle.MonoclePlatformFactory.class
        .getProtectionDomain().getCodeSource().getLocation().getPath();
    return List.of("--patch-module", "javafx.graphics=" + monocle, "-Dglass.platform=Monocle",
        "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Djava.util.prefs.userRoot=" + temp.resolve("prefs"));
  }

  private Run run(List<String> jvmOptions, String... args) throws Exception {
    Process process = start(jvmOptions, args);
    if (!process.waitFor(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("run.sh did not finish within " + Await.TIMEOUT);
    }
    return new Run(process.exitValue(), read(temp.resolve("out")), read(temp.resolve("err")));
  }

  private Process start(List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(temp.resolve("out").toFile())
        .redirectError(temp.resolve("err").toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("CHAT_DESKTOP_SKIP_BUILD", "1");
    builder.environment().put("CHAT_DESKTOP_JAVA_OPTS", String.join(" ", jvmOptions));
    return builder.start();
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private record Run(int exit, String out, String err) {}
}
