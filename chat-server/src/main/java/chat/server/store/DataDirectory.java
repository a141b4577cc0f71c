package chat.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory, created if missing and held exclusively through an OS lock on {@code chat.lock} from
 * {@link #claim} to {@link #close}, so that two servers never write one database. The lock file holds the
 * owner's process id for the refusal message; the lock itself dies with the process, even on kill -9.
 */
final class DataDirectory implements AutoCloseable {
  static final String LOCK_FILE = "chat.lock";

  private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

  // OS locks belong to the process, and on Linux closing any channel to the file drops them all: a second
  // claim from this JVM must be refused before it opens a channel of its own.
  private static final Set<Path> CLAIMED_HERE = ConcurrentHashMap.newKeySet();

  private final Path path;
  private final Path lockPath;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectory(Path path, Path lockPath, FileChannel channel, FileLock lock) {
    this.path = path;
    this.lockPath = lockPath;
    this.channel = channel;
    this.lock = lock;
  }

  /** Creates the directory if needed and locks it, or says in one sentence why not. */
  static DataDirectory claim(Path dataDir) throws StoreException {
    Path path = dataDir.toAbsolutePath().normalize();
    Path lockPath = create(path).resolve(LOCK_FILE);
    if (!CLAIMED_HERE.add(lockPath)) {
      throw inUse(path, lockPath, Long.toString(ProcessHandle.current().pid()));
    }
    try {
      return lock(path, lockPath);
    } catch (StoreException | RuntimeException e) {
      CLAIMED_HERE.remove(lockPath);
      throw e;
    }
  }

  Path resolve(String fileName) {
    return path.resolve(fileName);
  }

  /** Releases the lock; idempotent. */
  @Override
  public void close() {
    if (!channel.isOpen()) {
      return;
    }
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      LOG.warn("Could not release the lock on {}: {}", lockPath, reason(e));
    } finally {
      CLAIMED_HERE.remove(lockPath);
    }
  }

  /** Returns the directory's real path, so that two names for one directory claim the same lock. */
  private static Path create(Path path) throws StoreException {
    try {
      return Files.createDirectories(path).toRealPath();
    } catch (IOException e) {
      throw new StoreException("Cannot create the data directory " + path + " (" + reason(e)
          + "): choose another with --data-dir or fix the path.", e);
    }
  }

  private static DataDirectory lock(Path path, Path lockPath) throws StoreException {
    FileChannel channel = openLockFile(path, lockPath);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // Held through another class loader of this JVM: closing this channel would drop that holder's lock
      // too, so it stays open until the refused server exits.
      throw inUse(path, lockPath, Long.toString(ProcessHandle.current().pid()));
    } catch (IOException e) {
      closeQuietly(channel);
      throw cannotLock(lockPath, e);
    }
    if (lock == null) {
      String owner = owner(channel);
      closeQuietly(channel);
      throw inUse(path, lockPath, owner);
    }
    try {
      recordOwner(channel);
    } catch (IOException e) {
      closeQuietly(channel);
      throw cannotLock(lockPath, e);
    }
    return new DataDirectory(path, lockPath, channel, lock);
  }

  private static FileChannel openLockFile(Path path, Path lockPath) throws StoreException {
    try {
      return FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new StoreException("The data directory " + path + " is not writable (" + reason(e)
          + "): give the server write access to it or choose another with --data-dir.", e);
    }
  }

  private static StoreException cannotLock(Path lockPath, IOException e) {
    return new StoreException("Cannot lock " + lockPath + " (" + reason(e)
        + "): give the server write access to the data directory or choose another with --data-dir.", e);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // The claim has already failed with a message of its own; this channel held no lock.
    }
  }

  private static StoreException inUse(Path path, Path lockPath, String owner) {
    return new StoreException("The data directory " + path + " is in use by another chat server (process "
        + owner + " holds " + lockPath + "): stop that server or choose another directory with --data-dir.");
  }

  private static void recordOwner(FileChannel channel) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
    channel.force(false);
  }

  private static String owner(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      int read = channel.read(buffer, 0);
      String pid = read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.US_ASCII).trim();
      return pid.matches("\\d+") ? pid : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** What went wrong with a file, in words: the OS's reason where it gave one. */
  static String reason(IOException e) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    return e.getMessage() == null ? "input/output error" : e.getMessage();
  }
}
