package chat.desktop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.net.ResumePoint.Verdict;
import chat.protocol.ClientMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.History;
import chat.protocol.ServerMessage.LocationMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResumePointTest {
  private final ResumePoint resume = new ResumePoint();

  @Test
  void nothingToComeBackToBeforeAJoinIsAcked() {
    assertFalse(resume.hasJoined());
  }

  @Test
  void theComebackCarriesTheLatestTokenAndTheLastLiveIdWithItsEpoch() {
    joinLobby("t1", "e1");
    resume.note(new ChatMessage(42L, "Bob", "hi", 0, false));
    resume.note(new LocationMessage(43, "Bob", 1, 2, "https://maps.example/?q=1,2", 0));
    resume.note(new ChatMessage(null, "Admin", "Welcome!", 0, true));

    assertEquals(new ClientMessage.Join(7, "Alice", "Lobby", 43L, "e1", "t1"), resume.comeback(7));
  }

  @Test
  void aComebacksAckReplacesTheToken() {
    joinLobby("t1", "e1");
    resume.rejoined(Ack.joined(2, "t2"));
    assertEquals("t2", resume.comeback(3).resumeToken());
  }

  @Test
  void theMessagesOfAJoinsHistoryAreShownSoTheyMoveSince() {
    joinLobby("t1", "e1");
    resume.note(new ChatMessage(42L, "Bob", "hi", 0, false));
    resume.note(history("lobby", "e1", new ChatMessage(50L, "Bob", "missed", 0, false)));
    assertEquals(50L, resume.comeback(3).since());
  }

  @Test
  void aLiveIdThatSkipsOneIsHeldBackAndTheGapAskedForOnTheOpenConnection() {
    joinLobby("t1", "e1");
    assertEquals(Verdict.DELIVER, resume.note(new ChatMessage(41L, "Bob", "a", 0, false)));
    assertEquals(Verdict.RECOVER, resume.note(new ChatMessage(43L, "Bob", "c", 0, false)));
    assertEquals(Verdict.DROP, resume.note(new ChatMessage(44L, "Bob", "d", 0, false)), "part of the gap's answer");
    assertEquals(new ClientMessage.Join(5, "Alice", "Lobby", 41L, "e1", null), resume.resync(5));
    resume.note(history("lobby", "e1", new ChatMessage(42L, "Bob", "b", 0, false),
        new ChatMessage(43L, "Bob", "c", 0, false), new ChatMessage(44L, "Bob", "d", 0, false)));
    assertEquals(Verdict.DELIVER, resume.note(new ChatMessage(45L, "Bob", "e", 0, false)));
  }

  @Test
  void anIdDeliveredAlreadyIsDropped() {
    joinLobby("t1", "e1");
    resume.note(history("lobby", "e1", new ChatMessage(42L, "Bob", "b", 0, false)));
    assertEquals(Verdict.DROP, resume.note(new ChatMessage(42L, "Bob", "b", 0, false)));
  }

  @Test
  void aNewEpochForgetsTheIdsOfTheOldOne() {
    joinLobby("t1", "e1");
    resume.note(new ChatMessage(42L, "Bob", "hi", 0, false));
    resume.note(history("lobby", "e2"));
    ClientMessage.Join comeback = resume.comeback(3);
    assertNull(comeback.since());
    assertNull(comeback.epoch(), "an epoch alone says nothing");
    assertEquals("t1", comeback.resumeToken(), "the seat is still ours to take");
  }

  @Test
  void aRoomSwitchComesBackToTheNewRoomWithItsOwnTokenOnly() {
    joinLobby("t1", "e1");
    resume.note(new ChatMessage(42L, "Bob", "hi", 0, false));
    resume.note(history("kitchen", "e1"));
    resume.joined("Alice", "kitchen", Ack.joined(2, "k1"));

    assertEquals(new ClientMessage.Join(3, "Alice", "kitchen", null, null, "k1"), resume.comeback(3));
  }

  private void joinLobby(String token, String epoch) {
    resume.note(history("lobby", epoch));
    resume.joined("Alice", "Lobby", Ack.joined(1, token));
    assertTrue(resume.hasJoined());
  }

  private static History history(String room, String epoch, ChatMessage... messages) {
    return new History(null, room, epoch, List.of(messages), false, null);
  }
}
