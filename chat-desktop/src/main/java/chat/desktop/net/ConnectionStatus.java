package chat.desktop.net;

import java.util.Objects;

/** A connection state plus a short human-readable detail (empty when there is nothing to add). */
public record ConnectionStatus(ConnectionState state, String detail) {
  public ConnectionStatus {
    Objects.requireNonNull(state, "state");
    detail = detail == null ? "" : detail;
  }

  public static ConnectionStatus of(ConnectionState state) {
    return new ConnectionStatus(state, "");
  }

  public boolean isOnline() {
    return state == ConnectionState.ONLINE;
  }
}
