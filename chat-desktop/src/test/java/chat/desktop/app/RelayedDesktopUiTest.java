package chat.desktop.app;

import chat.desktop.testing.TestServer;
import chat.protocol.testing.CuttableRelay;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/**
 * A desktop UI test whose app reaches the server through a relay that can cut its connection alone, while the
 * server and the other clients go on.
 */
abstract class RelayedDesktopUiTest extends DesktopUiTest {
  protected final CuttableRelay relay = new CuttableRelay();

  /** The server's options beyond the memory store; none unless a test needs them. */
  protected String[] serverOptions() {
    return new String[0];
  }

  @Override
  protected TestServer startServer() {
    TestServer started = TestServer.startWith(serverOptions());
    relay.forwardTo(started.wsPort());
    return started;
  }

  @Override
  protected LaunchOptions options() {
    return new LaunchOptions(relay.wsUri("localhost").toString(), null, null, false, Optional.empty());
  }

  @AfterEach
  void closeRelay() {
    relay.close();
  }
}
