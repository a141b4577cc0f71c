package chat.server.security;

import chat.server.ChatServer;
import chat.server.config.ServerConfig;
import java.util.Map;

/** Real servers on free ports, configured by command-line flags as an operator would. */
final class Servers {
  private Servers() {}

  /** History in memory unless the flags name a store. */
  static ChatServer start(String... flags) {
    return ChatServer.start(ServerConfig.parse(flags, Map.of("STORE", "memory")).withPorts(0, 0));
  }
}
