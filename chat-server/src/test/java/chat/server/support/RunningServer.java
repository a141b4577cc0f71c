package chat.server.support;

import chat.protocol.testing.TestClient;
import chat.server.ChatServer;
import chat.server.config.ServerConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A real server on free ports for each test, and the clients it opened, all closed afterwards. */
public final class RunningServer implements BeforeEachCallback, AfterEachCallback {
  private final ServerConfig config;
  private final List<TestClient> clients = new ArrayList<>();
  private ChatServer server;

  public RunningServer() {
    this(Map.of());
  }

  /**
   * A server configured by environment-style settings, e.g. {@code Map.of("ROOM_DATA_DELAY", "0")}; history in
   * memory unless they name a store.
   */
  public RunningServer(Map<String, String> env) {
    Map<String, String> settings = new HashMap<>(env);
    settings.putIfAbsent("STORE", "memory");
    this.config = ServerConfig.parse(new String[0], settings).withPorts(0, 0);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server = ChatServer.start(config);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    clients.forEach(TestClient::close);
    clients.clear();
    server.close();
  }

  public ChatServer server() {
    return server;
  }

  public TestClient connect() {
    TestClient client = TestClient.connect(server.wsUri());
    clients.add(client);
    return client;
  }

  public TestClient joined(String username, String room) {
    return connect().joined(username, room);
  }
}
