package chat.desktop.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Message times in the user's time zone and with their locale's clock, as the browser page shows them:
 * {@code 4:07 PM} where the locale counts twelve hours, {@code 16:07} where it counts 24. A message from before
 * today shows its date too ({@code 30 Nov, 4:07 PM}, with the year when it is not this year), in English like
 * the rest of the window.
 */
public final class MessageTimeFormat {
  private final Clock clock;
  private final DateTimeFormatter today;
  private final DateTimeFormatter thisYear;
  private final DateTimeFormatter otherYear;

  /** Times in {@code clock}'s zone ("today" is the clock's today), on {@code locale}'s 12- or 24-hour clock. */
  public MessageTimeFormat(Clock clock, Locale locale) {
    this.clock = clock;
    String time = usesTwelveHours(locale) ? "h:mm a" : "HH:mm";
    today = DateTimeFormatter.ofPattern(time, Locale.US);
    thisYear = DateTimeFormatter.ofPattern("d MMM, " + time, Locale.US);
    otherYear = DateTimeFormatter.ofPattern("d MMM yyyy, " + time, Locale.US);
  }

  public String format(long epochMillis) {
    ZonedDateTime time = Instant.ofEpochMilli(epochMillis).atZone(clock.getZone());
    LocalDate now = LocalDate.now(clock);
    if (time.toLocalDate().equals(now)) {
      return today.format(time);
    }
    return (time.getYear() == now.getYear() ? thisYear : otherYear).format(time);
  }

  /** Whether the locale's own short time pattern has a 12-hour field ({@code h} or {@code K}). */
  static boolean usesTwelveHours(Locale locale) {
    String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(null, FormatStyle.SHORT,
        IsoChronology.INSTANCE, locale);
    return pattern.replaceAll("'[^']*'", "").matches(".*[hK].*");
  }
}
