package chat.server.config;

/** Where room history is kept: a SQLite file in the data directory (the default), or this process's memory. */
public enum StoreKind {
  SQLITE,
  MEMORY
}
