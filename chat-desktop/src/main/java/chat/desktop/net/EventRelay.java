package chat.desktop.net;

import chat.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands server events to the connection's listener, keeping the messages that arrive before there is one (a
 * join's {@code Welcome!} and room data come before its ack, while the join dialog is still showing).
 */
final class EventRelay {
  private final List<ServerMessage> backlog = new ArrayList<>();
  private ChatConnection.Listener listener;

  synchronized void setListener(ChatConnection.Listener next, ConnectionStatus current) {
    listener = next;
    for (ServerMessage message : backlog) {
      next.onServerMessage(message);
    }
    backlog.clear();
    next.onStatusChanged(current);
  }

  synchronized void deliver(ServerMessage message) {
    if (listener == null) {
      backlog.add(message);
    } else {
      listener.onServerMessage(message);
    }
  }

  synchronized void statusChanged(ConnectionStatus status) {
    if (listener != null) {
      listener.onStatusChanged(status);
    }
  }
}
