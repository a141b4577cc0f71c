package chat.desktop.chat;

import chat.desktop.net.ChatConnection;
import chat.desktop.net.ServerLimits;

/**
 * A connection that has joined a room, handed from the join dialog to the chat window.
 *
 * @param limits the server's name limits, for the switch-room field
 */
public record ChatSession(
    ChatConnection connection, String username, String room, String serverAddress, ServerLimits limits) {

  /** A session on a server with the default limits. */
  public ChatSession(ChatConnection connection, String username, String room, String serverAddress) {
    this(connection, username, room, serverAddress, ServerLimits.DEFAULT);
  }
}
