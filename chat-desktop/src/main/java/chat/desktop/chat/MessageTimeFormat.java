package chat.desktop.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Message times like {@code 4:07 PM}, in the user's time zone, as the browser page shows them; a message from
 * before today shows its date too ({@code 30 Nov, 4:07 PM}, with the year when it is not this year).
 */
public final class MessageTimeFormat {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
  private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("d MMM, h:mm a", Locale.US);
  private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy, h:mm a", Locale.US);

  private final Clock clock;

  /** Times in {@code clock}'s zone; "today" is the clock's today. */
  public MessageTimeFormat(Clock clock) {
    this.clock = clock;
  }

  public String format(long epochMillis) {
    ZonedDateTime time = Instant.ofEpochMilli(epochMillis).atZone(clock.getZone());
    LocalDate today = LocalDate.now(clock);
    if (time.toLocalDate().equals(today)) {
      return TIME.format(time);
    }
    return (time.getYear() == today.getYear() ? THIS_YEAR : OTHER_YEAR).format(time);
  }
}
