package chat.protocol.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian programs the tests run (openssl, haproxy): a missing one is a test failure that says which package to
 * install, never a skip; output goes to a log file whose text every failure quotes.
 */
public final class ExternalProgram {
  private static final long RUN_SECONDS = 60;

  private ExternalProgram() {}

  public static void require(Path program, String debianPackage) {
    if (!Files.isExecutable(program)) {
      throw new IllegalStateException("This test needs " + program + " but it is missing or not executable;"
          + " install it with: apt-get install -y " + debianPackage);
    }
  }

  /** Starts the command with its output (both streams) going to {@code log}. */
  public static Process start(List<String> command, Path log) {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + command.get(0), e);
    }
  }

  /** Runs the command to its end; fails with its output when it exits with anything but 0. */
  public static void run(List<String> command, Path log) {
    Process process = start(command, log);
    try {
      if (!process.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " did not finish within " + RUN_SECONDS + " s: "
            + output(log));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command.get(0), e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(command + " exited with " + process.exitValue() + ": " + output(log));
    }
  }

  /** What the program wrote so far, for failure messages. */
  public static String output(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "(no output)";
    } catch (IOException e) {
      return "(its log " + log + " is unreadable: " + e.getMessage() + ")";
    }
  }
}
