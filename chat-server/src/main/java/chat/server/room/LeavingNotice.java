package chat.server.room;

import chat.protocol.ServerMessage;

/**
 * "{@code <name>} has left!": posted to the room's log and, once stored, sent to its members (kept in the
 * history even when nobody is left to see it). {@code then} runs once the log has answered, either way: the
 * user list must lose the name even when the notice could not be stored.
 */
final class LeavingNotice {
  private LeavingNotice() {}

  static void post(RoomParts parts, String room, String username, Runnable then) {
    RoomMessage notice = new RoomMessage.Text(Room.ADMIN, username + " has left!", parts.clock().millis(), true);
    parts.log().append(room, notice, null, new RoomLog.Outcome() {
      @Override
      public void posted(ServerMessage message, long id) {
        parts.bus().publish(room, message);
        then.run();
      }

      @Override
      public void repeated(long id) {}

      @Override
      public void failed() {
        then.run();
      }
    });
  }
}
