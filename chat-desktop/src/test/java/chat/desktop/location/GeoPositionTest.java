package chat.desktop.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GeoPositionTest {
  @Test
  void parsesTypedNumbers() {
    assertEquals(new GeoPosition(51.5007, -0.1246), GeoPosition.parse(" 51.5007 ", "-0.1246"));
  }

  @Test
  void refusesALatitudeOutOfRange() {
    assertEquals("Latitude must be between -90 and 90",
        assertThrows(IllegalArgumentException.class, () -> GeoPosition.parse("91", "0")).getMessage());
  }

  @Test
  void refusesALongitudeOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> GeoPosition.parse("0", "-180.5"));
  }

  @Test
  void aLatitudeThatIsNotANumberGetsTheLatitudeExample() {
    assertEquals("Latitude must be a number, like 51.5007",
        assertThrows(IllegalArgumentException.class, () -> GeoPosition.parse("north", "0")).getMessage());
  }

  @Test
  void aLongitudeThatIsNotANumberGetsTheLongitudeExample() {
    assertEquals("Longitude must be a number, like -0.1246",
        assertThrows(IllegalArgumentException.class, () -> GeoPosition.parse("1", "east")).getMessage());
  }

  @Test
  void refusesNotANumber() {
    assertThrows(IllegalArgumentException.class, () -> GeoPosition.parse("NaN", "0"));
  }
}
