package chat.server.store;

import chat.server.room.RoomMessage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * How a {@link RoomMessage} is laid out in the columns of {@code messages}, from {@code kind} to
 * {@code client_id}: a kind ({@code text}, {@code notice} or {@code location}) and the columns that kind uses,
 * the others null.
 */
final class MessageColumns {
  /** The columns, in the order {@link #bind} and {@link #read} use them. */
  static final String NAMES = "kind, username, text, latitude, longitude, url, created_at, client_id";
  static final int COUNT = 8;

  private static final String TEXT = "text";
  private static final String NOTICE = "notice";
  private static final String LOCATION = "location";

  private MessageColumns() {}

  /** Sets the {@link #COUNT} parameters starting at {@code first}. */
  static void bind(PreparedStatement statement, int first, RoomMessage message) throws SQLException {
    if (message instanceof RoomMessage.Text text) {
      statement.setString(first, text.system() ? NOTICE : TEXT);
      statement.setString(first + 1, text.username());
      statement.setString(first + 2, text.text());
      statement.setNull(first + 3, Types.REAL);
      statement.setNull(first + 4, Types.REAL);
      statement.setNull(first + 5, Types.VARCHAR);
    } else if (message instanceof RoomMessage.Location location) {
      statement.setString(first, LOCATION);
      statement.setString(first + 1, location.username());
      statement.setNull(first + 2, Types.VARCHAR);
      statement.setDouble(first + 3, location.latitude());
      statement.setDouble(first + 4, location.longitude());
      statement.setString(first + 5, location.url());
    }
    statement.setLong(first + 6, message.createdAt());
    statement.setString(first + 7, message.clientId());
  }

  /** Reads the {@link #COUNT} columns starting at {@code first}. */
  static RoomMessage read(ResultSet row, int first) throws SQLException {
    String kind = row.getString(first);
    String username = row.getString(first + 1);
    long createdAt = row.getLong(first + 6);
    String clientId = row.getString(first + 7);
    if (LOCATION.equals(kind)) {
      return new RoomMessage.Location(username, row.getDouble(first + 3), row.getDouble(first + 4),
          row.getString(first + 5), createdAt, clientId);
    }
    return new RoomMessage.Text(username, row.getString(first + 2), createdAt, NOTICE.equals(kind), clientId);
  }
}
