package chat.desktop.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.desktop.testing.InMemoryPreferences;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowMemoryTest {
  private final InMemoryPreferences preferences = new InMemoryPreferences();
  private final WindowMemory memory = new WindowMemory(preferences);

  @Test
  void remembersTheBoundsInTheAppsNode() {
    memory.remember(new Box(12, 34, 1000, 700));
    assertEquals(Optional.of(new Box(12, 34, 1000, 700)), new WindowMemory(preferences).remembered());
    assertEquals("1000.0", preferences.get("window.width", null));
  }

  @Test
  void nothingRememberedAtFirst() {
    assertEquals(Optional.empty(), memory.remembered());
  }

  @Test
  void incompleteOrGarbledBoundsAreNotUsed() {
    preferences.put("window.x", "10");
    preferences.put("window.y", "10");
    preferences.put("window.width", "wide");
    preferences.put("window.height", "600");
    assertEquals(Optional.empty(), memory.remembered());
  }

  @Test
  void boundsOfAWindowNeverShownAreNotStored() {
    memory.remember(new Box(12, 34, 1000, 700));
    memory.remember(new Box(Double.NaN, Double.NaN, 0, 0));
    assertEquals(Optional.of(new Box(12, 34, 1000, 700)), memory.remembered());
  }
}
