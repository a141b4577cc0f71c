package chat.server.store;

import java.nio.file.Path;

/** The contract against a real {@code chat.db} in a temporary directory. */
class SqliteHistoryStoreContractTest extends HistoryStoreContract {
  @Override
  HistoryStore open(Path dataDir) throws StoreException {
    return SqliteHistoryStore.open(dataDir);
  }
}
