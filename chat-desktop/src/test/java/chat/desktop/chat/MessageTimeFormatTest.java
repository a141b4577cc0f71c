package chat.desktop.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessageTimeFormatTest {
  private static final Instant NOW = Instant.parse("2026-11-21T18:00:00Z");

  @Test
  void formatsLikeTheBrowserPageOnATwelveHourClock() {
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

  @Test
  void aLocaleWithA24HourClockGetsOne() {
    assertEquals("16:07", format(ZoneOffset.UTC, "2026-11-21T16:07:30Z", Locale.GERMANY));
    assertEquals("20 Nov, 09:05", format(ZoneOffset.UTC, "2026-11-20T09:05:00Z", Locale.UK));
  }

  @Test
  void eachLocaleKeepsItsOwnClock() {
    assertTrue(MessageTimeFormat.usesTwelveHours(Locale.US));
    assertTrue(MessageTimeFormat.usesTwelveHours(Locale.forLanguageTag("en-IN")));
    assertFalse(MessageTimeFormat.usesTwelveHours(Locale.FRANCE));
    assertFalse(MessageTimeFormat.usesTwelveHours(Locale.JAPAN));
  }

  private static String format(ZoneId zone, String at) {
    return format(zone, at, Locale.US);
  }

  private static String format(ZoneId zone, String at, Locale locale) {
    return new MessageTimeFormat(Clock.fixed(NOW, zone), locale).format(Instant.parse(at).toEpochMilli());
  }
}
