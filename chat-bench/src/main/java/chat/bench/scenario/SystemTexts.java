package chat.bench.scenario;

import chat.bench.protocol.Ascii;

/** Recognises the server's system notices by their text, as both servers word them the course's way. */
final class SystemTexts {
  private static final byte[] JOINED = Ascii.bytes(" has joined!");
  private static final byte[] LEFT = Ascii.bytes(" has left!");

  private SystemTexts() {}

  static boolean isJoinNotice(byte[] bytes, int offset, int length) {
    return endsWith(bytes, offset, length, JOINED);
  }

  /** "has joined!" or "has left!": somebody's presence changed. */
  static boolean isPresenceNotice(byte[] bytes, int offset, int length) {
    return endsWith(bytes, offset, length, JOINED) || endsWith(bytes, offset, length, LEFT);
  }

  private static boolean endsWith(byte[] bytes, int offset, int length, byte[] suffix) {
    int from = offset + length - suffix.length;
    return from >= offset && Ascii.startsWith(bytes, from, suffix.length, suffix);
  }
}
