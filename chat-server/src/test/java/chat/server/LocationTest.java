package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.LocationMessage;
import chat.protocol.testing.TestClient;
import chat.server.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocationTest {
  @RegisterExtension final RunningServer running = new RunningServer();

  @Test
  void locationReachesTheWholeRoomAsAMapLink() {
    TestClient alice = running.joined("Alice", "lobby");
    TestClient bob = running.joined("Bob", "lobby");
    alice.skipToUsers("Alice", "Bob");

    assertTrue(alice.shareLocation(51.5007, -0.1246).isOk());

    LocationMessage seen = bob.skipTo(LocationMessage.class, m -> true);
    assertEquals("Alice", seen.username());
    assertEquals(51.5007, seen.latitude());
    assertEquals(-0.1246, seen.longitude());
    assertEquals("https://www.google.com/maps?q=51.5007,-0.1246", seen.url());
    assertEquals(seen, alice.skipTo(LocationMessage.class, m -> true));
  }

  @Test
  void theEdgesOfTheMapAreValid() {
    TestClient alice = running.joined("Alice", "lobby");
    assertTrue(alice.shareLocation(-90, 180).isOk());
    assertEquals("https://www.google.com/maps?q=-90,180",
        alice.skipTo(LocationMessage.class, m -> true).url());
  }

  @Test
  void sharingBeforeJoiningIsRefused() {
    assertEquals("Join a room first", running.connect().shareLocation(1, 2).error());
  }

  @ParameterizedTest
  @CsvSource({"90.0001,0", "-91,0", "1e308,0"})
  void latitudeOutsideMinus90To90IsRefused(double latitude, double longitude) {
    assertEquals("Latitude must be a number from -90 to 90",
        running.joined("Alice", "lobby").shareLocation(latitude, longitude).error());
  }

  @ParameterizedTest
  @CsvSource({"0,180.5", "0,-181"})
  void longitudeOutsideMinus180To180IsRefused(double latitude, double longitude) {
    assertEquals("Longitude must be a number from -180 to 180",
        running.joined("Alice", "lobby").shareLocation(latitude, longitude).error());
  }

  @Test
  void anInfiniteNumberOnTheWireIsRefused() {
    TestClient alice = running.joined("Alice", "lobby");
    alice.sendRaw("{\"type\":\"sendLocation\",\"ref\":77,\"latitude\":1e999,\"longitude\":0}");
    assertEquals("Latitude must be a number from -90 to 90", alice.awaitAck(77).error());
  }
}
