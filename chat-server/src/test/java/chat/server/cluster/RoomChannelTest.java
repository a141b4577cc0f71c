package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.ChatMessage;
import chat.server.room.RoomLog;
import chat.server.room.RoomMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One room's order on a node, without Redis: what the channel hands on, and when. */
class RoomChannelTest {
  private final List<String> handedOn = new ArrayList<>();
  private final RoomChannel channel = new RoomChannel("lobby");
  private int gapChecks;

  @BeforeEach
  void open() {
    channel.sink = new RoomChannel.Sink() {
      @Override
      public void message(LogEntry entry, RoomChannel.Append own) {
        handedOn.add((own == null ? "" : "own ") + entry.id());
      }

      @Override
      public void run(Runnable work) {
        work.run();
      }

      @Override
      public void gap() {
        gapChecks++;
      }
    };
  }

  @Test
  void messagesAreHandedOnByIdAnEarlyOneWaitingForThoseBeforeIt() {
    channel.ready("e1", 40);
    channel.accept(entry(42, "b:2"));
    assertEquals(List.of(), handedOn, "42 waits for 41");
    assertEquals(1, gapChecks, "and a look in the log is due if 41 does not come");
    channel.accept(entry(41, "b:1"));
    assertEquals(List.of("41", "42"), handedOn);
  }

  @Test
  void nothingIsHandedOnBeforeTheChannelIsReadyAndWhatCameBeforeItsStartIsHistory() {
    channel.accept(entry(40, "b:1"));
    channel.accept(entry(41, "b:2"));
    channel.ready("e1", 40);
    assertEquals(List.of("41"), handedOn);
  }

  @Test
  void aSecondCopyOfAMessageIsHandedOnOnce() {
    channel.ready("e1", 40);
    channel.accept(entry(41, "b:1"));
    assertTrue(channel.handedOn(41, "e1"), "known as handed on, so its copy needs no reading");
    channel.accept(entry(41, "b:1"));
    assertEquals(List.of("41"), handedOn);
  }

  @Test
  void aMessageOfAnotherEpochIsNotTakenForOneHandedOn() {
    channel.ready("e1", 40);
    channel.accept(entry(41, "b:1"));
    assertFalse(channel.handedOn(41, "e2"));
  }

  @Test
  void thisNodesPostIsHandedOnAsItsOwnWhenItsIdComesUpWhicheverCopyCameFirst() {
    channel.ready("e1", 40);
    RoomChannel.Append post = append("a:1");
    channel.add(post);
    assertEquals(post, channel.waiting("a:1"));
    channel.posted(post, 42, "e1");
    channel.accept(entry(41, "b:1"));
    channel.accept(RoomChannel.numbered(post, 42, "e1"));
    assertEquals(List.of("41", "own 42"), handedOn);
    assertEquals(null, channel.waiting("a:1"), "no longer waiting");
  }

  @Test
  void aTaskRunsOnlyOnceEveryEarlierPostOfThisNodeWasHandedOn() {
    channel.ready("e1", 40);
    RoomChannel.Append post = append("a:1");
    channel.add(post);
    channel.add(new RoomChannel.Task(() -> handedOn.add("task")));
    assertEquals(List.of(), handedOn, "the task waits for the post before it");
    channel.posted(post, 41, "e1");
    assertEquals(List.of("own 41", "task"), handedOn);
  }

  private static LogEntry entry(long id, String origin) {
    ServerMessage message = new ChatMessage(id, "Bob", "hi " + id, 0, false, null);
    return new LogEntry(id, "e1", origin, message);
  }

  private static RoomChannel.Append append(String origin) {
    return new RoomChannel.Append(origin, new RoomMessage.Text("Alice", "hello", 0, false, null), "alice",
        new RoomLog.Outcome() {
          @Override
          public void posted(ServerMessage message, long id) {}

          @Override
          public void repeated(long id) {}

          @Override
          public void failed() {}
        });
  }
}
