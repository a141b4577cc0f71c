package chat.server.store;

import chat.server.config.FsyncPolicy;
import chat.server.room.HeldSeat;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history in {@code chat.db}, a SQLite database in the data directory. A commit returns once its batch is
 * in the WAL: it survives kill -9, and with {@code --fsync always} ({@code synchronous=FULL}) power loss too.
 * Commits and pruning share one write connection in turn; reads use their own connections and see the last
 * commit, concurrently.
 *
 * <p>The store makes up no epoch but for a restored backup ({@link #renewEpochsIfReplaced}): a room's first
 * appearance is in a batch's {@code rooms}, with the epoch the log chose, and a message for a room the store has
 * no epoch for fails its batch. Rooms are never deleted, so a room's last id outlives its messages.
 */
public final class SqliteHistoryStore implements HistoryStore {
  public static final String DATABASE_FILE = "chat.db";

  private static final Logger LOG = LoggerFactory.getLogger(SqliteHistoryStore.class);

  private final DataDirectory directory;
  private final String name;
  private final SqliteWriteConnection writer;
  private final SqliteBatchWriter batches;
  private final SentIdLookup sentIds;
  private final SqliteReaderPool readers;
  private final SqlitePruner pruner;
  private final SqliteCheckpointer checkpointer;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final FsyncPolicy fsync;

  private SqliteHistoryStore(DataDirectory directory, Connection connection, FsyncPolicy fsync)
      throws SQLException {
    Path database = directory.resolve(DATABASE_FILE);
    this.directory = directory;
    this.fsync = fsync;
    this.name = "sqlite " + database;
    this.writer = new SqliteWriteConnection(connection, name);
    this.batches = new SqliteBatchWriter(writer);
    this.sentIds = new SentIdLookup(writer);
    this.readers = new SqliteReaderPool(database, name);
    this.pruner = new SqlitePruner(writer, readers);
    this.checkpointer = new SqliteCheckpointer(database);
  }

  /**
   * Opens (creating if needed) {@code chat.db} in {@code dataDir}, which is created if missing and locked
   * until {@link #close}. Refuses, with one sentence naming the path and what to do, a directory that cannot
   * be created or written, one in use by another server, a file that is not a sound SQLite database, and a
   * schema newer than this code.
   */
  public static SqliteHistoryStore open(Path dataDir, FsyncPolicy fsync) throws StoreException {
    DataDirectory directory = DataDirectory.claim(dataDir);
    Path database = directory.resolve(DATABASE_FILE);
    try {
      Connection connection = SqliteOpener.openWriter(database, fsync);
      SqliteHistoryStore store;
      try {
        store = new SqliteHistoryStore(directory, connection, fsync);
      } catch (SQLException e) {
        SqliteOpener.closeQuietly(connection);
        throw new StoreException("The history database " + database + " cannot be used ("
            + SqliteErrors.describe(e) + "): move it away to start with empty history.", e);
      }
      try {
        store.renewEpochsIfReplaced(database);
      } catch (StoreException | RuntimeException e) {
        store.close();
        throw e;
      }
      LOG.debug("Opened {}", store.describe());
      return store;
    } catch (StoreException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** {@link #open(Path, FsyncPolicy)} with the default policy, {@link FsyncPolicy#PERIODIC}. */
  public static SqliteHistoryStore open(Path dataDir) throws StoreException {
    return open(dataDir, FsyncPolicy.PERIODIC);
  }

  @Override
  public Map<String, RoomState> rooms() throws StoreException {
    return readers.read("list its rooms", SqliteReader::rooms);
  }

  @Override
  public void commit(Batch batch) throws StoreException {
    writer.transaction(saving(batch), () -> batches.write(batch, false));
    checkpointer.written();
  }

  @Override
  public boolean commitIfSendsAreNew(Batch batch) throws StoreException {
    boolean committed = writer.transactionIf(saving(batch), () -> batches.write(batch, true));
    if (committed) {
      checkpointer.written();
    }
    return committed;
  }

  private static String saving(Batch batch) {
    int messages = batch.messages().size();
    return "save a batch of " + messages + (messages == 1 ? " message" : " messages");
  }

  /** With {@code --fsync always} ({@code synchronous=FULL}) each commit waits for the WAL's flush. */
  @Override
  public boolean commitWaitsForDisk() {
    return fsync == FsyncPolicy.ALWAYS;
  }

  @Override
  public List<StoredMessage> read(String room, long after, long before, int limit) throws StoreException {
    if (limit <= 0) { // to SQLite, LIMIT -1 means no limit
      ensureOpen();
      return List.of();
    }
    return readers.read("read the history of " + room, reader -> reader.read(room, after, before, limit));
  }

  @Override
  public Map<SendKey, Long> sentIds(Collection<SendKey> sends, long sinceMillis) throws StoreException {
    // On the write connection, whose cache holds the pages its commits wrote: a reader's cache starts cold
    // after every commit, so each key cost it a few page reads.
    return sends.isEmpty() ? Map.of()
        : writer.transaction("look up sends", () -> sentIds.sentIds(sends, sinceMillis));
  }

  @Override
  public List<HeldSeat> seats() throws StoreException {
    return readers.read("list the held seats", SqliteReader::seats);
  }

  @Override
  public long prune(int perRoom, long olderThanMillis, long sendsBeforeMillis) throws StoreException {
    return pruner.prune(perRoom, olderThanMillis, sendsBeforeMillis);
  }

  /**
   * A database file other than the one this directory last ran with is a restored backup: its rooms would give
   * out again the ids of the messages posted after the backup, which clients may have seen. Each room gets a new
   * epoch, so clients reload them rather than trust those ids (decision 13).
   */
  private void renewEpochsIfReplaced(Path database) throws StoreException {
    DatabaseIdentity identity = new DatabaseIdentity(database, directory.resolve(DatabaseIdentity.FILE));
    try {
      if (identity.replaced()) {
        int rooms = writer.transaction("give every room a new epoch", this::renewEpochs);
        if (rooms > 0) { // none: a new, empty database put in place of the old one
          LOG.warn("{} is not the file this data directory last ran with (a restored backup?): its {} rooms start a"
              + " new epoch, so clients reload them rather than trust ids they may have seen", database, rooms);
        }
      }
      identity.record();
    } catch (IOException e) {
      throw new StoreException("Could not write " + directory.resolve(DatabaseIdentity.FILE) + " ("
          + e.getMessage() + "): check that the data directory is writable.", e);
    }
  }

  private int renewEpochs() throws SQLException {
    List<String> rooms = new ArrayList<>();
    try (PreparedStatement names = writer.prepare("SELECT name FROM rooms"); ResultSet result = names.executeQuery()) {
      while (result.next()) {
        rooms.add(result.getString(1));
      }
    }
    EpochSource epochs = new EpochSource();
    try (PreparedStatement renew = writer.prepare("UPDATE rooms SET epoch = ? WHERE name = ?")) {
      for (String room : rooms) {
        renew.setString(1, epochs.next());
        renew.setString(2, room);
        renew.addBatch();
      }
      renew.executeBatch();
    }
    return rooms.size();
  }

  private void ensureOpen() throws StoreException {
    if (closed.get()) {
      throw new StoreException("The history store " + name + " is closed.");
    }
  }

  @Override
  public String describe() {
    return name;
  }

  /** Waits for a commit or prune chunk under way, then closes every connection and releases the lock. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      // Readers first: the last connection to close checkpoints the WAL into chat.db and removes it.
      checkpointer.close();
      readers.close();
      writer.close();
      directory.close();
      LOG.debug("Closed {}", name);
    }
  }
}
