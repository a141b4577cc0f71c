package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.ServerCommand.Outcome;
import org.junit.jupiter.api.Test;

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
}
