package chat.bench.scenario;

import chat.bench.protocol.Ascii;
import java.util.BitSet;

/**
 * Decides whether a roomData frame lists exactly a room's peers, each once. Both servers write each user as
 * {@code {"username":"u000042"}} in a JSON array, so a frame shorter than the full list's entries cannot be
 * complete and is rejected without being scanned; only the last few frames a client gets are read in full.
 */
final class RosterCheck {
  private static final byte[] ENTRY = Ascii.bytes("{\"username\":\"u");
  /** {"username":"u000042"} plus a separating comma. */
  private static final int ENTRY_BYTES = ENTRY.length + 6 + 2 + 1;

  private final BitSet seen = new BitSet();

  boolean isComplete(byte[] bytes, int offset, int length, int roomBase, int roomSize) {
    if (length < roomSize * ENTRY_BYTES - 1) {
      return false;
    }
    seen.clear();
    int end = offset + length;
    int count = 0;
    int at = Ascii.indexOf(bytes, offset, end, ENTRY);
    while (at >= 0) {
      int digits = at + ENTRY.length;
      int member = (int) Ascii.parseLong(bytes, digits, end) - roomBase;
      if (member < 0 || member >= roomSize || seen.get(member)) {
        return false;
      }
      seen.set(member);
      count++;
      at = Ascii.indexOf(bytes, digits, end, ENTRY);
    }
    return count == roomSize;
  }
}
