package chat.desktop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.desktop.testing.TestServer;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpRoomDirectoryTest {
  private final HttpRoomDirectory directory = new HttpRoomDirectory(HttpClient.newHttpClient());

  @Test
  void readsTheLimitsFromTheServersConfig() throws Exception {
    try (TestServer server = TestServer.startWith("--max-username-length", "20", "--max-room-length", "40")) {
      ServerLimits limits = directory.limits(ServerAddress.parse(server.address())).get(15, TimeUnit.SECONDS);
      assertEquals(new ServerLimits(20, 40), limits);
    }
  }

  @Test
  void aWebSocketAddressHasTheDefaultLimits() throws Exception {
    ServerLimits limits = directory.limits(ServerAddress.parse("ws://localhost:1")).get(15, TimeUnit.SECONDS);
    assertEquals(ServerLimits.DEFAULT, limits);
  }

  @Test
  void aConfigWithoutLimitsHasTheDefaults() {
    assertEquals(ServerLimits.DEFAULT, HttpRoomDirectory.limitsIn("{\"wsUrl\":\"ws://localhost:3001\"}"));
  }

  @Test
  void eachGarbledLimitFallsBackToItsDefault() {
    assertEquals(new ServerLimits(32, 50), HttpRoomDirectory.limitsIn("{\"maxUsernameLength\":-1,\"maxRoomLength\":50}"));
    assertEquals(new ServerLimits(10, 64), HttpRoomDirectory.limitsIn("{\"maxUsernameLength\":10,\"maxRoomLength\":\"x\"}"));
    assertEquals(new ServerLimits(32, 64), HttpRoomDirectory.limitsIn("{\"maxUsernameLength\":1.5,\"maxRoomLength\":1e12}"));
    assertEquals(ServerLimits.DEFAULT, HttpRoomDirectory.limitsIn("not json"));
    assertEquals(ServerLimits.DEFAULT, HttpRoomDirectory.limitsIn("[1, 2]"));
  }

  @Test
  void theMessageLimitAndThePageSizeComeFromTheConfigToo() {
    assertEquals(new ServerLimits(32, 64, 500, 80),
        HttpRoomDirectory.limitsIn("{\"maxMessageLength\":500,\"maxHistoryPage\":80}"));
  }
}
