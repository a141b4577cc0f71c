package chat.server.store;

import java.sql.SQLException;

/** SQLite's own words for a failure, without the driver's result-code prefix. */
final class SqliteErrors {
  private SqliteErrors() {}

  /** E.g. "UNIQUE constraint failed: messages.room, messages.id" for a duplicate message id. */
  static String describe(SQLException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return "SQLite error " + e.getErrorCode();
    }
    // The driver writes "[SQLITE_CONSTRAINT_PRIMARYKEY] A PRIMARY KEY constraint failed (UNIQUE constraint
    // failed: messages.room, messages.id)": the part in parentheses is SQLite's, and the most precise.
    int open = message.indexOf(" (");
    if (message.startsWith("[") && open > 0 && message.endsWith(")")) {
      return message.substring(open + 2, message.length() - 1);
    }
    return message.startsWith("[") && message.indexOf("] ") > 0
        ? message.substring(message.indexOf("] ") + 2) : message;
  }
}
