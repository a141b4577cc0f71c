package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.ServerCommand.Outcome;
import chat.server.support.ServerProcess;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees at the shell: one line, the right exit code, never a stack trace. */
class CommandLineTest {

  @Test
  void versionPrintsTheProductAndItsVersionAndExits0() throws Exception {
    Outcome outcome = ServerCommand.run("--version");
    assertEquals(0, outcome.exitCode(), outcome.stderr());
    assertTrue(outcome.stdout().matches("chat-server \\d+\\.\\d+\\.\\d+\\S*\\R"), outcome.stdout());
    assertEquals("", outcome.stderr());
  }

  @Test
  void anUnknownFlagIsNamedAndExits2() throws Exception {
    Outcome outcome = ServerCommand.run("--frobnicate");
    assertEquals(2, outcome.exitCode());
    assertEquals("Unknown option --frobnicate (see --help)", outcome.stderr().strip());
  }

  @Test
  void aServerThatCannotStartSaysWhyInOneLineAndExits1() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      Outcome outcome = ServerCommand.run("--port", "0", "--ws-port", String.valueOf(port), "--store", "memory");
      assertEquals(1, outcome.exitCode(), outcome.stderr());
      assertEquals("Port " + port + " (--ws-port) is already in use: stop the other server or pick another"
          + " port with --ws-port" + System.lineSeparator(), outcome.stderr());
      assertEquals("", outcome.stdout());
    }
  }

  @Test
  void aDataDirectoryInUseByAnotherServerIsRefusedInOneLineAndExits1(@TempDir Path data) throws Exception {
    try (ServerProcess running = ServerProcess.withData(data)) {
      Outcome outcome = ServerCommand.run("--port", "0", "--data-dir", data.toString());

      assertEquals(1, outcome.exitCode(), outcome.stderr());
      assertOneSentenceNaming(data.toString(), outcome.stderr());
    }
  }

  @Test
  void aCorruptDatabaseIsRefusedInOneLineAndExits1(@TempDir Path data) throws Exception {
    Files.writeString(data.resolve("chat.db"), "this is not a database, it is a shopping list");

    Outcome outcome = ServerCommand.run("--port", "0", "--data-dir", data.toString());

    assertEquals(1, outcome.exitCode(), outcome.stderr());
    assertOneSentenceNaming("chat.db", outcome.stderr());
  }

  private static void assertOneSentenceNaming(String what, String stderr) {
    assertEquals(1, stderr.strip().lines().count(), stderr);
    assertTrue(stderr.contains(what), stderr);
    assertTrue(!stderr.contains("Exception") && !stderr.contains("\tat "), stderr);
  }
}
