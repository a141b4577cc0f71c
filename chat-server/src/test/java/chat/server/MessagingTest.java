package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.testing.TestClient;
import chat.server.support.RunningServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagingTest {
  @RegisterExtension final RunningServer running = new RunningServer();

  @Test
  void messageReachesTheWholeRoomSenderIncludedBeforeTheAck() {
    TestClient alice = running.joined("Alice", "lobby");
    TestClient bob = running.joined("Bob", "lobby");
    alice.skipToUsers("Alice", "Bob");
    alice.drain();

    assertTrue(alice.say("hi").isOk());

    ChatMessage own = alice.skipTo(ChatMessage.class, m -> !m.system());
    assertEquals("hi", own.text());
    assertEquals("Alice", own.username());
    ChatMessage received = bob.skipTo(ChatMessage.class, m -> !m.system());
    assertEquals(own, received, "every recipient gets the same message, id included");
  }

  @Test
  void aMessageInABigRoomReachesEveryoneThoughNothingElseHappens() {
    // Room frames may wait for a later pass end; an idle server must still write them (decision 11).
    List<TestClient> members = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      members.add(running.joined("Member" + i, "hall"));
    }
    members.forEach(TestClient::drain);

    assertTrue(members.get(0).say("hello hall").isOk());

    for (TestClient member : members) {
      assertEquals("hello hall", member.skipTo(ChatMessage.class, m -> !m.system()).text());
    }
  }

  @Test
  void theSenderSeesItsMessageBeforeItsAck() {
    TestClient alice = running.joined("Alice", "lobby");
    alice.say("first");

    ServerMessage beforeAck = alice.next();
    assertEquals("first", assertInstanceOf(ChatMessage.class, beforeAck).text());
  }

  @Test
  void idsIncreaseInTheOrderTheRoomReceivesMessages() {
    TestClient alice = running.joined("Alice", "lobby");
    for (int i = 0; i < 5; i++) {
      alice.say("m" + i);
    }
    long previous = 0;
    for (int i = 0; i < 5; i++) {
      ChatMessage message = alice.skipTo(ChatMessage.class, m -> !m.system());
      assertEquals("m" + i, message.text());
      assertTrue(message.id() > previous, "ids strictly increase");
      previous = message.id();
    }
  }

  @Test
  void createdAtIsTheServerClock() {
    TestClient alice = running.joined("Alice", "lobby");
    long before = System.currentTimeMillis();
    alice.say("now");
    long after = System.currentTimeMillis();

    long createdAt = alice.skipTo(ChatMessage.class, m -> !m.system()).createdAt();
    assertTrue(createdAt >= before && createdAt <= after);
  }

  @Test
  void sendingBeforeJoiningIsRefused() {
    assertEquals("Join a room first", running.connect().say("hello?").error());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n\t "})
  void blankMessagesAreRefused(String text) {
    assertEquals("Message must not be empty", running.joined("Alice", "lobby").say(text).error());
  }

  @Test
  void messagesMayHaveUpTo2000Characters() {
    TestClient alice = running.joined("Alice", "lobby");
    assertTrue(alice.say("x".repeat(2000)).isOk());
    assertEquals("Message is too long (at most 2000 characters)", alice.say("x".repeat(2001)).error());
  }

  @ParameterizedTest
  @ValueSource(strings = {"shit", "Oh SHIT!", "what the fuck, bob", "you bastard."})
  void profanityIsRefusedAndNothingIsSent(String text) {
    TestClient alice = running.joined("Alice", "lobby");
    TestClient bob = running.joined("Bob", "lobby");
    alice.skipToUsers("Alice", "Bob");

    assertEquals("Profanity is not allowed!", alice.say(text).error());
    assertTrue(alice.say("clean").isOk());
    assertEquals("clean", bob.skipTo(ChatMessage.class, m -> !m.system()).text());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Scunthorpe", "shitake mushrooms", "a cocktail", "Dickens"})
  void onlyWholeWordsCountAsProfanity(String text) {
    assertTrue(running.joined("Alice", "lobby").say(text).isOk());
  }

  @Test
  void messagesNeverCrossRooms() {
    TestClient alice = running.joined("Alice", "lobby");
    TestClient carol = running.joined("Carol", "kitchen");

    alice.say("lobby only");
    carol.say("kitchen only");

    assertEquals("kitchen only", carol.skipTo(ChatMessage.class, m -> !m.system()).text());
    List<ServerMessage> rest = carol.drain();
    assertTrue(rest.stream().noneMatch(m -> m instanceof ChatMessage c && c.text().contains("lobby")), rest::toString);
  }

  @Test
  void markupInAMessageIsSentAsText() {
    TestClient alice = running.joined("Alice", "lobby");
    alice.say("<script>alert(1)</script>");
    assertEquals("<script>alert(1)</script>", alice.skipTo(ChatMessage.class, m -> !m.system()).text());
  }
}
