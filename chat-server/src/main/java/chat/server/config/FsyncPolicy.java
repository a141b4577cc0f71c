package chat.server.config;

/**
 * When the SQLite store's commits reach the disk ({@code --fsync}). Either way a commit is atomic and a
 * message is acked and delivered only once committed, so a killed server (kill -9, a crash of the JVM) loses
 * nothing acked: the commit is in the operating system's hands before the ack is sent.
 */
public enum FsyncPolicy {
  /**
   * Each commit is flushed to the disk before its messages are acked ({@code synchronous=FULL}): acked messages
   * survive a power cut or a kernel crash too, at the price of one flush per commit on the write path.
   */
  ALWAYS,
  /**
   * The write-ahead log is flushed at each checkpoint, about every half second, off the write path
   * ({@code synchronous=NORMAL}): a power cut or a kernel crash can lose the last moments of acked messages
   * (never corrupting the database); a killed server loses nothing.
   */
  PERIODIC
}
