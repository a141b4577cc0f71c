package chat.server.security;

import chat.server.ChatServer;
import chat.server.config.ServerConfig;
import java.util.Map;

/** Real servers on free ports, configured by command-line flags as an operator would. */
final class Servers {
  private Servers() {}

  static ChatServer start(String... flags) {
    return ChatServer.start(ServerConfig.parse(flags, Map.of()).withPorts(0, 0));
  }
}
