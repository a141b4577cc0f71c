package chat.protocol.testing;

import chat.protocol.ServerMessage;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/** Writes what a client received into a failure message: the last frames, each marked read or unread. */
final class FrameListing {
  /** Enough to see what led up to a failure without pasting thousands of frames into the report. */
  static final int SHOWN = 30;
  private static final int WIDTH = 300;

  private FrameListing() {}

  static String of(List<ServerMessage> frames, IntPredicate isRead, String connection) {
    long unread = IntStream.range(0, frames.size()).filter(i -> !isRead.test(i)).count();
    StringBuilder text = new StringBuilder("  connection: ").append(connection)
        .append("\n  received ").append(frames.size()).append(frames.size() == 1 ? " frame" : " frames")
        .append(", ").append(unread).append(" unread");
    int first = Math.max(0, frames.size() - SHOWN);
    text.append(first == 0 ? "" : "; the last " + SHOWN + ":");
    for (int i = first; i < frames.size(); i++) {
      text.append("\n    #").append(i + 1).append(isRead.test(i) ? " read   " : " unread ")
          .append(abbreviate(String.valueOf(frames.get(i))));
    }
    return text.toString();
  }

  static String abbreviate(String text) {
    return text.length() <= WIDTH ? text : text.substring(0, WIDTH) + "… (" + text.length() + " chars)";
  }
}
