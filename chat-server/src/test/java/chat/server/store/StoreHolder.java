package chat.server.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A second process for {@link SqliteStartupRefusalsTest}: opens the store in the directory it is given, says
 * "open" on its standard output (the one channel back to the test), and holds it until its input ends.
 */
public final class StoreHolder {
  private StoreHolder() {}

  public static void main(String[] args) throws StoreException, IOException {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(Path.of(args[0]))) {
      System.out.println("open");
      System.out.flush();
      while (System.in.read() != -1) {
        // Held until the test closes our input.
      }
    }
  }
}
