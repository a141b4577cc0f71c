package chat.desktop.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MessageTimeFormatTest {
  private static final Instant NOW = Instant.parse("2026-11-21T18:00:00Z");

  @Test
  void formatsLikeTheBrowserPage() {
    assertEquals("4:07 PM", format(ZoneOffset.UTC, "2026-11-21T16:07:30Z"));
  }

  @Test
  void usesTheGivenTimeZone() {
    assertEquals("5:07 PM", format(ZoneOffset.ofHours(1), "2026-11-21T16:07:30Z"));
  }

  @Test
  void messagesOlderThanTodayShowTheirDate() {
    assertEquals("20 Nov, 4:07 PM", format(ZoneOffset.UTC, "2026-11-20T16:07:30Z"));
    assertEquals("30 Dec 2025, 9:00 AM", format(ZoneOffset.UTC, "2025-12-30T09:00:00Z"));
  }

  private static String format(ZoneId zone, String at) {
    return new MessageTimeFormat(Clock.fixed(NOW, zone)).format(Instant.parse(at).toEpochMilli());
  }
}
