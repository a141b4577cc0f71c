package chat.desktop.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.net.ConnectionState;
import chat.desktop.net.ConnectionStatus;
import chat.desktop.net.RequestFailedException;
import chat.protocol.ClientMessage;
import chat.protocol.ErrorCode;
import chat.protocol.ServerMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxTest {
  private final ChatFixture fixture = new ChatFixture();
  private final ChatViewModel model = fixture.model;

  @Test
  void messagesWrittenOfflineShowAsSendingAndGoInOrderOnceBack() {
    goOffline();
    write("one");
    write("two");
    assertEquals(List.of(ChatEntry.Kind.OUTBOX, ChatEntry.Kind.OUTBOX), lastKinds(2));
    assertTrue(fixture.connection.requests().isEmpty());

    fixture.connection.changeStatus(ConnectionStatus.of(ConnectionState.ONLINE));
    assertEquals(List.of("one"), sentTexts(), "one at a time");
    ackLast(51L);
    assertEquals(List.of("one", "two"), sentTexts());
  }

  @Test
  void theServersCopyReplacesTheOutboxRowSoTheMessageShowsOnce() {
    goOffline();
    write("hello");
    String clientId = model.outbox().waiting().get(0).clientId();
    fixture.connection.changeStatus(ConnectionStatus.of(ConnectionState.ONLINE));
    fixture.connection.receive(new ServerMessage.ChatMessage(60L, "Alice", "hello", 1L, false, clientId));
    ackLast(60L);
    assertEquals(List.of("hello"), fixture.texts().stream().filter("hello"::equals).toList());
    assertTrue(model.outbox().waiting().isEmpty());
  }

  @Test
  void aMessageRefusedFromTheOutboxStaysAsNotSentWithTheReason() {
    goOffline();
    write("rude words");
    write("fine words");
    fixture.connection.changeStatus(ConnectionStatus.of(ConnectionState.ONLINE));
    fixture.connection.lastRequest().answer().completeExceptionally(
        RequestFailedException.refused("Profanity is not allowed!", ErrorCode.PROFANITY, null));
    ChatEntry refused = model.outbox().waiting().get(0);
    assertEquals("Profanity is not allowed!", refused.problem());
    assertEquals(List.of("rude words", "fine words"), sentTexts(), "the next one is sent anyway");
    assertNull(model.outbox().waiting().get(1).problem(), "still sending");
  }

  @Test
  void aRefusedMessageCanBeEditedBackIntoTheComposer() {
    ChatEntry refused = refusedMessage();
    model.editUnsent(refused);
    assertEquals("rude words", model.composer().draftProperty().get());
    assertTrue(model.outbox().waiting().isEmpty());
  }

  @Test
  void aRefusedMessageCanBeDiscarded() {
    model.outbox().discard(refusedMessage());
    assertTrue(model.outbox().waiting().isEmpty());
    assertTrue(fixture.texts().stream().noneMatch("rude words"::equals));
  }

  @Test
  void aRoomSwitchWaitsWhileTheOutboxHoldsAMessageForThisRoom() {
    refusedMessage();
    model.switchRoom("kitchen");
    assertEquals("Your message has not reached #lobby yet: switch rooms once it is sent or discarded.",
        model.errorProperty().get());
    assertTrue(fixture.connection.sent(ClientMessage.Join.class).isEmpty());
    assertEquals("Profanity is not allowed!", model.outbox().waiting().get(0).problem(), "kept for the user");
  }

  @Test
  void aRoomSwitchGoesAheadOnceTheOutboxIsEmpty() {
    model.outbox().discard(refusedMessage());
    model.switchRoom("kitchen");
    assertEquals(List.of("kitchen"),
        fixture.connection.sent(ClientMessage.Join.class).stream().map(ClientMessage.Join::room).toList());
  }

  private ChatEntry refusedMessage() {
    goOffline();
    write("rude words");
    fixture.connection.changeStatus(ConnectionStatus.of(ConnectionState.ONLINE));
    fixture.connection.lastRequest().answer().completeExceptionally(
        RequestFailedException.refused("Profanity is not allowed!", ErrorCode.PROFANITY, null));
    return model.outbox().waiting().get(0);
  }

  private void goOffline() {
    fixture.connection.changeStatus(ConnectionStatus.of(ConnectionState.RECONNECTING));
  }

  private void write(String text) {
    model.composer().draftProperty().set(text);
    model.composer().send();
  }

  private void ackLast(long id) {
    fixture.connection.lastRequest().answer().complete(id);
  }

  private List<String> sentTexts() {
    return fixture.connection.sent(ClientMessage.SendMessage.class).stream().map(ClientMessage.SendMessage::text)
        .toList();
  }

  private List<ChatEntry.Kind> lastKinds(int count) {
    List<ChatEntry> rows = model.entries();
    return rows.subList(rows.size() - count, rows.size()).stream().map(ChatEntry::kind).toList();
  }
}
