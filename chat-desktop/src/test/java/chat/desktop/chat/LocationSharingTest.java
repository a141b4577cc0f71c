package chat.desktop.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.location.GeoPosition;
import chat.desktop.net.RequestFailedException;
import chat.protocol.ClientMessage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocationSharingTest {
  private final ChatFixture fixture = new ChatFixture();
  private final LocationSharing sharing = fixture.model.location();

  @Test
  void sharesTheRememberedPositionWithoutAsking() {
    fixture.saved.save(new GeoPosition(51.5007, -0.1246));
    sharing.share();
    assertEquals(new ClientMessage.SendLocation(1, 51.5007, -0.1246), fixture.connection.lastRequest().message());
    assertTrue(fixture.prompts.isEmpty());
  }

  @Test
  void shareIsUnavailableUntilTheServerAcks() {
    fixture.saved.save(new GeoPosition(1, 2));
    sharing.share();
    assertTrue(sharing.sharingProperty().get());
    sharing.share();
    assertEquals(1, fixture.connection.requests().size());
    fixture.connection.lastRequest().answer().complete(null);
    assertFalse(sharing.sharingProperty().get());
  }

  @Test
  void withNoPositionTheUserIsAskedAndTheAnswerRemembered() {
    sharing.share();
    fixture.prompts.get(0).complete(Optional.of(new GeoPosition(48.8584, 2.2945)));
    assertEquals(new ClientMessage.SendLocation(1, 48.8584, 2.2945), fixture.connection.lastRequest().message());
    assertEquals(Optional.of(new GeoPosition(48.8584, 2.2945)), fixture.saved.current());
  }

  @Test
  void cancellingThePromptSharesNothing() {
    sharing.share();
    fixture.prompts.get(0).complete(Optional.empty());
    assertTrue(fixture.connection.requests().isEmpty());
    assertFalse(sharing.sharingProperty().get());
    assertEquals("Location not shared: no position set", fixture.model.errorProperty().get());
  }

  @Test
  void aRefusedLocationShowsTheServersReason() {
    fixture.saved.save(new GeoPosition(1, 2));
    sharing.share();
    fixture.connection.lastRequest().answer().completeExceptionally(new RequestFailedException("Slow down"));
    assertEquals("Slow down", fixture.model.errorProperty().get());
  }

  @Test
  void changingThePositionRemembersItWithoutSending() {
    fixture.saved.save(new GeoPosition(1, 2));
    sharing.changePosition();
    fixture.prompts.get(0).complete(Optional.of(new GeoPosition(3, 4)));
    assertEquals(Optional.of(new GeoPosition(3, 4)), fixture.saved.current());
    assertTrue(fixture.connection.requests().isEmpty());
  }
}
