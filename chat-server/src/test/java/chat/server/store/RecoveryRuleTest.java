package chat.server.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a resume may recover, whatever log holds the room: kept ids 11 to 60, recovery up to 30 messages. */
class RecoveryRuleTest {
  private final RecoveryRule rule = new RecoveryRule(30);

  @Test
  void aGapOfTheSameEpochStillKeptAndNotTooLongIsRecoverable() {
    assertTrue(rule.recoverable(40, "e1", "e1", 11, 60));
    assertTrue(rule.recoverable(60, "e1", "e1", 11, 60), "nothing missed");
  }

  @Test
  void aResumeWithoutAnEpochIsTakenForTheCurrentOne() {
    assertTrue(rule.recoverable(40, null, "e1", 11, 60));
  }

  @Test
  void anotherEpochsIdsSayNothingAboutThisOne() {
    assertFalse(rule.recoverable(40, "e0", "e1", 11, 60));
  }

  @Test
  void aGapReachingIntoPrunedMessagesIsNot() {
    assertTrue(rule.recoverable(30, "e1", "e1", 31, 60), "the first kept id is the first missed");
    assertFalse(rule.recoverable(29, "e1", "e1", 31, 60));
  }

  @Test
  void aGapLongerThanTheRecoveryLimitIsNot() {
    assertFalse(rule.recoverable(29, "e1", "e1", 11, 60));
  }

  @Test
  void anIdBeyondTheRoomsLastIsNot() {
    assertFalse(rule.recoverable(61, "e1", "e1", 11, 60));
  }

  @Test
  void aPageHasOlderMessagesWhenItStartsAboveTheFirstKept() {
    assertTrue(RecoveryRule.olderExist(List.of(message(12)), 11));
    assertFalse(RecoveryRule.olderExist(List.of(message(11)), 11));
    assertFalse(RecoveryRule.olderExist(List.of(), 11));
  }

  private static ChatMessage message(long id) {
    return new ChatMessage(id, "Bob", "hi", 0, false, null);
  }
}
