package chat.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.ChatServer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A join shows the room's history above Welcome!, with day separators, dates and grouped runs. */
class HistoryOnJoinTest {
  private ChatServer server;
  private BrowserSession browser;

  @AfterEach
  void stop() {
    try {
      if (browser != null) browser.close();
    } finally {
      if (server != null) server.close();
    }
  }

  @Test
  void theHistoryIsShownAboveWelcomeWithDaySeparatorsAndGroupedRuns() {
    server = SeededHistory.of("lobby")
        .text("Bob", "three days ago", Duration.ofDays(3))
        .text("Carol", "yesterday", Duration.ofDays(1))
        .text("Bob", "a moment ago", Duration.ofMinutes(3))
        .text("Bob", "and a minute later", Duration.ofMinutes(2))
        .start();
    browser = BrowserSession.open(server.httpUri());
    ZoneOffset nearNoon = offsetWhereItIsNoonNow();
    browser.useTimeZone(etcZone(nearNoon)); // far from midnight: "a moment ago" is today, whenever this runs

    browser.join("Alice", "lobby");

    assertEquals(List.of("three days ago", "yesterday", "a moment ago", "and a minute later", "Welcome!"),
        browser.messageTexts());
    String threeDaysAgo = LocalDate.now(nearNoon).minusDays(3)
        .format(DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH));
    assertEquals(List.of("This is the beginning of #lobby"), browser.texts(".history-edge"));
    assertEquals(List.of(threeDaysAgo, "Yesterday", "Today"), browser.texts(".day-separator"));
    assertTrue(browser.texts(".message__time").get(0).contains(","), "an older message shows its date");
    assertEquals(List.of("and a minute later"), browser.texts(".message--grouped .message__text"));
  }

  /** The whole-hour offset at which it is now between noon and one in the afternoon. */
  private static ZoneOffset offsetWhereItIsNoonNow() {
    int hours = 12 - OffsetDateTime.now(ZoneOffset.UTC).getHour();
    return ZoneOffset.ofHours(hours > 12 ? hours - 24 : hours);
  }

  /** The IANA name of a whole-hour offset: the Etc zones count the other way round (Etc/GMT-5 is UTC+5). */
  private static String etcZone(ZoneOffset offset) {
    int hours = offset.getTotalSeconds() / 3600;
    return hours == 0 ? "Etc/UTC" : "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours);
  }
}
