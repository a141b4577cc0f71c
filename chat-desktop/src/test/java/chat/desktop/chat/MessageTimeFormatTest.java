package chat.desktop.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MessageTimeFormatTest {
  @Test
  void formatsLikeTheBrowserPage() {
    long at = Instant.parse("2026-11-21T16:07:30Z").toEpochMilli();
    assertEquals("4:07 PM", new MessageTimeFormat(ZoneOffset.UTC).format(at));
  }

  @Test
  void usesTheGivenTimeZone() {
    long at = Instant.parse("2026-11-21T16:07:30Z").toEpochMilli();
    assertEquals("5:07 PM", new MessageTimeFormat(ZoneOffset.ofHours(1)).format(at));
  }
}
