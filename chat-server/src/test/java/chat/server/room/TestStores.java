package chat.server.room;

import chat.server.store.HistoryStore;
import chat.server.store.SqliteHistoryStore;
import chat.server.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real stores for the rules that must hold on every store. */
final class TestStores {
  private TestStores() {}

  /** A SQLite store in a new directory under {@code parent}. */
  static HistoryStore sqliteUnder(Path parent) {
    try {
      return SqliteHistoryStore.open(Files.createTempDirectory(parent, "room"));
    } catch (IOException | StoreException e) {
      throw new IllegalStateException("could not open a SQLite store under " + parent, e);
    }
  }
}
