package chat.bench.scenario;

import chat.bench.protocol.Ascii;

/** Recognises the server's system notices by their text, as both servers word them the course's way. */
final class SystemTexts {
  private static final byte[] JOINED = Ascii.bytes(" has joined!");

  private SystemTexts() {}

  static boolean isJoinNotice(byte[] bytes, int offset, int length) {
    int from = offset + length - JOINED.length;
    return from >= offset && Ascii.startsWith(bytes, from, JOINED.length, JOINED);
  }
}
