package chat.desktop.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EllipsisTest {
  @Test
  void shortTextIsKept() {
    assertEquals("lobby", Ellipsis.shorten("lobby", 32));
    assertEquals("x".repeat(32), Ellipsis.shorten("x".repeat(32), 32));
  }

  @Test
  void longTextKeepsItsStartAndEndsInAnEllipsis() {
    assertEquals("x".repeat(31) + "…", Ellipsis.shorten("x".repeat(33), 32));
  }

  @Test
  void countsCharactersNotUtf16Units() {
    String emoji = "😀".repeat(10);
    assertEquals(emoji, Ellipsis.shorten(emoji, 10));
    assertEquals("😀".repeat(4) + "…", Ellipsis.shorten(emoji, 5));
  }

  @Test
  void noSpaceIsLeftBeforeTheEllipsis() {
    assertEquals("room…", Ellipsis.shorten("room of the north", 6));
  }
}
