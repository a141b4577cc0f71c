package chat.desktop.location;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.desktop.testing.InMemoryPreferences;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SavedLocationTest {
  private final InMemoryPreferences preferences = new InMemoryPreferences();

  @Test
  void hasNoPositionUntilOneIsSaved() {
    assertEquals(Optional.empty(), new SavedLocation(preferences).locate().join());
  }

  @Test
  void remembersTheSavedPositionAcrossInstances() {
    new SavedLocation(preferences).save(new GeoPosition(51.5007, -0.1246));
    assertEquals(Optional.of(new GeoPosition(51.5007, -0.1246)), new SavedLocation(preferences).locate().join());
  }

  @Test
  void aCorruptedEntryCountsAsNoPosition() {
    preferences.put("location.latitude", "north");
    preferences.put("location.longitude", "1");
    assertEquals(Optional.empty(), new SavedLocation(preferences).current());
  }
}
