package chat.desktop.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.net.ConnectionState;
import chat.desktop.net.ConnectionStatus;
import chat.desktop.net.RequestFailedException;
import chat.protocol.ClientMessage;
import chat.protocol.ErrorCode;
import chat.desktop.testing.Await;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComposerTest {
  private final ChatFixture fixture = new ChatFixture();
  private final Composer composer = fixture.model.composer();

  @Test
  void sendsTheTrimmedDraft() {
    composer.draftProperty().set("  hello  ");
    composer.send();
    assertEquals("hello", ((ClientMessage.SendMessage) fixture.connection.lastRequest().message()).text());
  }

  @Test
  void eachSendCarriesAClientIdOfItsOwn() {
    composer.draftProperty().set("one");
    composer.send();
    fixture.connection.lastRequest().answer().complete(1L);
    composer.draftProperty().set("two");
    composer.send();
    List<ClientMessage.SendMessage> sent = fixture.connection.sent(ClientMessage.SendMessage.class);
    assertTrue(sent.get(0).clientId().matches("[A-Za-z0-9_-]{1,64}"), sent.get(0).clientId());
    assertNotEquals(sent.get(0).clientId(), sent.get(1).clientId());
  }

  @Test
  void sendIsUnavailableWhileAMessageIsInFlight() {
    composer.draftProperty().set("one");
    composer.send();
    composer.draftProperty().set("two");
    assertTrue(composer.sendingProperty().get());
    assertFalse(composer.canSendProperty().get());
    composer.send();
    assertEquals(1, fixture.connection.requests().size());
  }

  @Test
  void draftIsClearedWhenTheServerAcks() {
    composer.draftProperty().set("hello");
    composer.send();
    assertEquals("hello", composer.draftProperty().get());
    fixture.connection.lastRequest().answer().complete(null);
    assertEquals("", composer.draftProperty().get());
    assertFalse(composer.sendingProperty().get());
  }

  @Test
  void textTypedWhileInFlightIsKeptAfterTheAck() {
    composer.draftProperty().set("first");
    composer.send();
    composer.draftProperty().set("second");
    fixture.connection.lastRequest().answer().complete(null);
    assertEquals("second", composer.draftProperty().get());
  }

  @Test
  void refusedMessageKeepsTheTextAndShowsTheError() {
    composer.draftProperty().set("rude words");
    composer.send();
    fixture.connection.lastRequest().answer().completeExceptionally(
        RequestFailedException.refused("Profanity is not allowed!", ErrorCode.PROFANITY, null));
    assertEquals("rude words", composer.draftProperty().get());
    assertEquals("Profanity is not allowed!", fixture.model.errorProperty().get());
    assertTrue(composer.canSendProperty().get());
  }

  @Test
  void aSendLostWithTheConnectionMovesToTheOutboxUnderTheSameClientId() {
    composer.draftProperty().set("hello");
    composer.send();
    String clientId = ((ClientMessage.SendMessage) fixture.connection.lastRequest().message()).clientId();
    fixture.connection.changeStatus(ConnectionStatus.of(ConnectionState.RECONNECTING));
    fixture.connection.lastRequest().answer().completeExceptionally(
        new RequestFailedException("The connection was lost"));
    assertEquals("", composer.draftProperty().get());
    ChatEntry waiting = fixture.model.entries().get(fixture.model.entries().size() - 1);
    assertEquals(ChatEntry.Kind.OUTBOX, waiting.kind());
    assertEquals(clientId, waiting.clientId());
    assertEquals("", fixture.model.errorProperty().get());
  }

  @Test
  void aSendRefusedForSpeedIsRetriedAfterTheWait() {
    composer.draftProperty().set("hello");
    composer.send();
    fixture.connection.lastRequest().answer().completeExceptionally(
        RequestFailedException.refused("You are sending too fast; try again in 5 ms", ErrorCode.RATE_LIMITED, 5L));
    Await.until("the send is retried", () -> fixture.connection.sent(ClientMessage.SendMessage.class).size() == 2);
    List<ClientMessage.SendMessage> sent = fixture.connection.sent(ClientMessage.SendMessage.class);
    assertEquals(sent.get(0).clientId(), sent.get(1).clientId(), "the retry posts once");
    assertTrue(composer.sendingProperty().get());
    assertEquals("", fixture.model.errorProperty().get());
  }

  @Test
  void blankDraftsAreNotSent() {
    composer.draftProperty().set("   ");
    composer.send();
    assertTrue(fixture.connection.requests().isEmpty());
  }

  @Test
  void tooLongMessagesAreRefusedLocally() {
    composer.draftProperty().set("x".repeat(2001));
    composer.send();
    assertTrue(fixture.connection.requests().isEmpty());
    assertTrue(fixture.model.errorProperty().get().startsWith("Messages can be at most 2000 characters"));
  }

  @Test
  void theLengthIsCountedInCodePointsAsTheServerCounts() {
    composer.draftProperty().set("😀".repeat(2000));
    composer.send();
    assertEquals(1, fixture.connection.requests().size(), fixture.model.errorProperty().get());
  }

  @Test
  void offlineTheComposerStaysUsableAndTheMessageWaitsInTheOutbox() {
    fixture.connection.changeStatus(ConnectionStatus.of(ConnectionState.RECONNECTING));
    composer.draftProperty().set("hello");
    assertTrue(composer.canSendProperty().get());
    composer.send();
    assertTrue(fixture.connection.requests().isEmpty());
    assertEquals("", composer.draftProperty().get());
    assertEquals(List.of("hello"), fixture.model.outbox().waiting().stream().map(ChatEntry::text).toList());
  }
}
