package chat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.protocol.ClientMessage.LoadHistory;
import chat.protocol.ErrorCode;
import chat.protocol.ServerMessage.Ack;
import chat.server.support.SwitchableStore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every refusal carries the code clients branch on, beside the sentence people read. */
class RoomErrorCodesTest {
  @RegisterExtension final RoomHarness rooms = new RoomHarness();

  @Test
  void aTakenNameIsNameTaken() {
    rooms.joined("Alice", "lobby");

    assertCode(ErrorCode.NAME_TAKEN, "Username is in use!", rooms.connect().join("ALICE", "lobby"));
  }

  @Test
  void theServersOwnNameIsReservedName() {
    assertCode(ErrorCode.RESERVED_NAME, JoinValidator.RESERVED, rooms.connect().join("Admin", "lobby"));
  }

  @Test
  void anEmptyOrTooLongFieldIsInvalid() {
    assertEquals(ErrorCode.INVALID.wireName(), rooms.connect().join(" ", "lobby").code());
    assertEquals(ErrorCode.INVALID.wireName(), rooms.connect().join("a".repeat(33), "lobby").code());
    FakeConnection alice = rooms.joined("Alice", "lobby");
    assertEquals(ErrorCode.INVALID.wireName(), alice.say("x".repeat(2001)).code());
    assertEquals(ErrorCode.INVALID.wireName(), alice.share(91, 0).code());
  }

  @Test
  void aProfaneMessageIsProfanity() {
    FakeConnection alice = rooms.joined("Alice", "lobby");

    assertCode(ErrorCode.PROFANITY, MessageValidator.PROFANITY, alice.say("you asshole"));
  }

  @Test
  void sendingOrPagingBeforeJoiningIsNotJoined() {
    FakeConnection stranger = rooms.connect();

    assertCode(ErrorCode.NOT_JOINED, "Join a room first", stranger.say("hello"));
    assertCode(ErrorCode.NOT_JOINED, "Join a room first", stranger.request(new LoadHistory(9, null, 10)));
  }

  @Test
  void aStoreThatCannotWriteIsUnavailable() {
    SwitchableStore store = new SwitchableStore();
    try (RoomHarness failing = new RoomHarness(Map.of(), store)) {
      FakeConnection alice = failing.joined("Alice", "lobby");
      store.failing(true);

      assertCode(ErrorCode.UNAVAILABLE, Rejection.COULD_NOT_SAVE.text(), alice.say("lost?"));
    }
  }

  private static void assertCode(ErrorCode code, String text, Ack ack) {
    assertEquals(text, ack.error());
    assertEquals(code.wireName(), ack.code());
    assertEquals(code, ack.errorCode().orElseThrow());
  }
}
