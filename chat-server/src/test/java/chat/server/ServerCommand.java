package chat.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The server's command line ({@link Main}) run to its end in its own JVM, as an operator's shell runs it. */
final class ServerCommand {
  private static final long TIMEOUT_SECONDS = 30;

  /** What the operator sees: the exit code and both streams. */
  record Outcome(int exitCode, String stdout, String stderr) {}

  private ServerCommand() {}

  /** Runs {@link Main} from the test classpath, as the jar would; fails if it is still running after 30 s. */
  static Outcome run(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile("chat-server-stdout", ".txt");
    Path err = Files.createTempFile("chat-server-stderr", ".txt");
    try {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Main.class.getName()));
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
          .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("Still running after " + TIMEOUT_SECONDS + " s: " + String.join(" ", args)
            + "\n" + Files.readString(err));
      }
      return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
