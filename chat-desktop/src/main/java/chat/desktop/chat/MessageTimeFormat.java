package chat.desktop.chat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Message times like {@code 4:07 PM}, in the user's time zone, as the browser page shows them. */
public final class MessageTimeFormat {
  private final DateTimeFormatter formatter;

  public MessageTimeFormat(ZoneId zone) {
    this.formatter = DateTimeFormatter.ofPattern("h:mm a", Locale.US).withZone(zone);
  }

  public String format(long epochMillis) {
    return formatter.format(Instant.ofEpochMilli(epochMillis));
  }
}
