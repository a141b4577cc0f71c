package chat.desktop.net;

import java.util.concurrent.CompletableFuture;

/** Opens a {@link ChatConnection} to a server address; fails with a user-readable reason. */
public interface ChatConnector {
  CompletableFuture<ChatConnection> connect(ServerAddress address);
}
