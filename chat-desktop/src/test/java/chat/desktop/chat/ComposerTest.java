package chat.desktop.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.net.ConnectionState;
import chat.desktop.net.ConnectionStatus;
import chat.desktop.net.RequestFailedException;
import chat.protocol.ClientMessage;
import org.junit.jupiter.api.Test;

class ComposerTest {
  private final ChatFixture fixture = new ChatFixture();
  private final Composer composer = fixture.model.composer();

  @Test
  void sendsTheTrimmedDraft() {
    composer.draftProperty().set("  hello  ");
    composer.send();
    assertEquals(new ClientMessage.SendMessage(1, "hello"), fixture.connection.lastRequest().message());
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
        new RequestFailedException("Profanity is not allowed!"));
    assertEquals("rude words", composer.draftProperty().get());
    assertEquals("Profanity is not allowed!", fixture.model.errorProperty().get());
    assertTrue(composer.canSendProperty().get());
  }

  @Test
  void aTimeoutIsReportedReadably() {
    composer.draftProperty().set("hello");
    composer.send();
    fixture.connection.lastRequest().answer().completeExceptionally(new java.util.concurrent.TimeoutException());
    assertEquals("The server did not answer in time", fixture.model.errorProperty().get());
  }

  @Test
  void blankDraftsAreNotSent() {
    composer.draftProperty().set("   ");
    composer.send();
    assertTrue(fixture.connection.requests().isEmpty());
  }

  @Test
  void tooLongMessagesAreRefusedLocally() {
    composer.draftProperty().set("x".repeat(Composer.MAX_LENGTH + 1));
    composer.send();
    assertTrue(fixture.connection.requests().isEmpty());
    assertTrue(fixture.model.errorProperty().get().startsWith("Messages can be at most 2000 characters"));
  }

  @Test
  void nothingIsSentWhileOffline() {
    fixture.connection.changeStatus(ConnectionStatus.of(ConnectionState.RECONNECTING));
    composer.draftProperty().set("hello");
    assertFalse(composer.canSendProperty().get());
    composer.send();
    assertTrue(fixture.connection.requests().isEmpty());
  }
}
