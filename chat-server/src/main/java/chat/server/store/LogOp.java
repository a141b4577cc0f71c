package chat.server.store;

import chat.server.room.HeldSeat;
import chat.server.room.RoomLog;
import chat.server.room.RoomMessage;

/** One request waiting in the {@link GroupCommitLog}'s queue, in the order it was made. */
sealed interface LogOp {

  /** A message to number, store and report; {@code id} and {@code repeatOf} are set by the {@link BatchWriter}. */
  final class Append implements LogOp {
    final String room;
    final RoomMessage message;
    final String senderKey;
    final RoomLog.Outcome outcome;
    long id;
    long repeatOf;

    Append(String room, RoomMessage message, String senderKey, RoomLog.Outcome outcome) {
      this.room = room;
      this.message = message;
      this.senderKey = senderKey;
      this.outcome = outcome;
    }
  }

  /** Work to run in a room's sequence. */
  record Task(String room, Runnable work) implements LogOp {}

  /** A seat to keep (or whose token changed). */
  record TakeSeat(HeldSeat seat) implements LogOp {}

  /** A seat given up. */
  record FreeSeat(String room, String userKey) implements LogOp {}
}
