package chat.desktop.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Day separators' words: "Today", "Yesterday", then "Monday 30 November" (with the year when not this one). */
final class DayNames {
  private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
  private static final DateTimeFormatter OTHER_YEAR =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

  private final Clock clock;

  DayNames(Clock clock) {
    this.clock = clock;
  }

  LocalDate dayOf(long epochMillis) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), clock.getZone());
  }

  String name(LocalDate day) {
    LocalDate today = LocalDate.now(clock);
    if (day.equals(today)) {
      return "Today";
    }
    if (day.equals(today.minusDays(1))) {
      return "Yesterday";
    }
    return (day.getYear() == today.getYear() ? THIS_YEAR : OTHER_YEAR).format(day);
  }
}
