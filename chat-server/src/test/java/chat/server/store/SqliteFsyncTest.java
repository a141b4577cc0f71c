package chat.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.server.config.FsyncPolicy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's commits wait for the disk only when asked to ({@code --fsync always}). */
class SqliteFsyncTest {
  private static final int NORMAL = 1;
  private static final int FULL = 2;

  @TempDir Path data;

  @Test
  void periodicCommitsReturnOnceTheWalIsWrittenToTheSystem() throws Exception {
    assertEquals(NORMAL, synchronousLevel(FsyncPolicy.PERIODIC));
  }

  @Test
  void alwaysFlushesEachCommitToTheDisk() throws Exception {
    assertEquals(FULL, synchronousLevel(FsyncPolicy.ALWAYS));
  }

  private int synchronousLevel(FsyncPolicy fsync) throws Exception {
    try (Connection writer = SqliteOpener.openWriter(data.resolve("chat.db"), fsync);
        Statement statement = writer.createStatement();
        ResultSet level = statement.executeQuery("PRAGMA synchronous")) {
      level.next();
      return level.getInt(1);
    }
  }
}
