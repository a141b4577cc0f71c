package chat.server.http;

import chat.server.config.ServerConfig;

/**
 * The limits a client checks before sending, published in {@code /config.json} so that no client hard-codes
 * them: lengths in code points (as the server counts them), and the largest {@code loadHistory} page.
 */
public record ClientLimits(int maxUsernameLength, int maxRoomLength, int maxMessageLength, int maxHistoryPage) {

  public static ClientLimits of(ServerConfig config, int maxHistoryPage) {
    return new ClientLimits(config.maxUsernameLength(), config.maxRoomLength(), config.maxMessageLength(),
        maxHistoryPage);
  }
}
