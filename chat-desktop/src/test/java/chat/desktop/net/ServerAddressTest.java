package chat.desktop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerAddressTest {
  @Test
  void anHttpAddressIsTheBaseForConfigAndRooms() {
    ServerAddress address = ServerAddress.parse("http://localhost:3000");
    assertEquals(Optional.of(URI.create("http://localhost:3000/")), address.httpBase());
    assertTrue(address.webSocket().isEmpty());
  }

  @Test
  void aBareHostMeansHttp() {
    assertEquals(Optional.of(URI.create("http://chat.local:8080/")), ServerAddress.parse(" chat.local:8080 ").httpBase());
  }

  @Test
  void aPathIsKeptAsADirectory() {
    assertEquals(Optional.of(URI.create("https://example.org/chat/")),
        ServerAddress.parse("https://example.org/chat").httpBase());
  }

  @Test
  void aWebSocketUrlIsUsedDirectly() {
    ServerAddress address = ServerAddress.parse("ws://localhost:3001");
    assertEquals(Optional.of(URI.create("ws://localhost:3001")), address.webSocket());
    assertTrue(address.httpBase().isEmpty());
  }

  @Test
  void emptyIsRefused() {
    assertEquals("Enter the server address",
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse(" ")).getMessage());
  }

  @Test
  void otherSchemesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("ftp://localhost"));
  }

  @Test
  void garbageIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("http://exa mple"));
  }
}
