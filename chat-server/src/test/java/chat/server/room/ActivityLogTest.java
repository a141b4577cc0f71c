package chat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The lines an operator sees while the chat is used: one per join, leave and refused join. */
class ActivityLogTest {

  @Test
  void aJoinSaysWhoJoinedWhichRoomFromWhere() {
    assertEquals("Alice joined #lobby from 127.0.0.1:53211",
        ActivityLog.joinedLine("Alice", "lobby", "127.0.0.1:53211"));
  }

  @Test
  void aLeaveSaysWhoLeftWhichRoomAndWhy() {
    assertEquals("Alice left #lobby (connection closed, 1006)",
        ActivityLog.leftLine("Alice", "lobby", "connection closed, 1006"));
  }

  @Test
  void aRefusedJoinSaysFromWhereAndTheErrorTheUserGot() {
    assertEquals("Refused a join from 127.0.0.1:53211: Username is in use!",
        ActivityLog.refusedLine("127.0.0.1:53211", "Username is in use!"));
  }
}
