package chat.server.room;

import chat.protocol.ErrorCode;
import chat.protocol.ServerMessage.Ack;

/** A request the rules refuse: the code clients branch on and the sentence people read, for the ack error. */
record Rejection(ErrorCode code, String text) {
  static final Rejection NAME_IN_USE = new Rejection(ErrorCode.NAME_TAKEN, "Username is in use!");
  static final Rejection JOIN_FIRST = new Rejection(ErrorCode.NOT_JOINED, "Join a room first");
  static final Rejection CLOSED = new Rejection(ErrorCode.UNAVAILABLE, "Connection closed");
  static final Rejection COULD_NOT_LOAD =
      new Rejection(ErrorCode.UNAVAILABLE, "Could not load the history; try again");
  static final Rejection SHARED_STATE_DOWN =
      new Rejection(ErrorCode.UNAVAILABLE, "The chat is unavailable right now; try again in a moment");
  static final Rejection COULD_NOT_SAVE =
      new Rejection(ErrorCode.UNAVAILABLE, "Could not save the message; try again");

  /** The ack error answering request {@code ref}. */
  Ack ack(long ref) {
    return Ack.failed(ref, code, text);
  }
}
