package chat.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Which file the data directory last ran with: the database's file key (device and inode on Linux), kept in
 * {@code chat.db.identity} beside it. A different file in its place is a restored backup (or a copy from
 * elsewhere): its rooms' ids go back to where the backup was taken, so they must not be trusted as before.
 * Moving the directory to another disk looks the same, and costs only a fresh start of every room's epoch.
 */
final class DatabaseIdentity {
  static final String FILE = SqliteHistoryStore.DATABASE_FILE + ".identity";

  private final Path database;
  private final Path record;

  DatabaseIdentity(Path database, Path record) {
    this.database = database;
    this.record = record;
  }

  /** True when a file was recorded before and the database is another one now. */
  boolean replaced() throws IOException {
    Optional<String> now = key();
    if (now.isEmpty() || !Files.exists(record)) {
      return false; // a file system without file keys, or the first start with this check
    }
    return !Files.readString(record).strip().equals(now.get());
  }

  /** Remembers the database file as this directory's own; written beside it, then moved in one step. */
  void record() throws IOException {
    Optional<String> key = key();
    if (key.isEmpty()) {
      return;
    }
    Path next = record.resolveSibling(record.getFileName() + ".next");
    Files.writeString(next, key.get() + "\n");
    Files.move(next, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private Optional<String> key() throws IOException {
    Object key = Files.readAttributes(database, BasicFileAttributes.class).fileKey();
    return Optional.ofNullable(key).map(Object::toString);
  }
}
