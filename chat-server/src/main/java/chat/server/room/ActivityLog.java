package chat.server.room;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who joins, leaves and is refused, one INFO line each, so an operator sees the chat being used. Nothing here
 * fires per message.
 */
final class ActivityLog {
  private static final Logger log = LoggerFactory.getLogger(ActivityLog.class);

  private ActivityLog() {}

  static void joined(String username, String room, String from) {
    log.info(joinedLine(username, room, from));
  }

  static void left(String username, String room, String why) {
    log.info(leftLine(username, room, why));
  }

  static void returned(String username, String room, String from) {
    log.info(username + " came back to #" + room + " from " + from);
  }

  static void dropped(String username, String room, String why, long graceSeconds) {
    log.info(username + " dropped from #" + room + " (" + why + "); the seat is held for " + graceSeconds + " s");
  }

  static void refused(String from, String error) {
    log.info(refusedLine(from, error));
  }

  static String joinedLine(String username, String room, String from) {
    return username + " joined #" + room + " from " + from;
  }

  static String leftLine(String username, String room, String why) {
    return username + " left #" + room + " (" + why + ")";
  }

  static String refusedLine(String from, String error) {
    return "Refused a join from " + from + ": " + error;
  }
}
