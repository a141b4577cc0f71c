package chat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.protocol.ServerMessage;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.LocationMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryRoomLogTest {
  private final InMemoryRoomLog log = new InMemoryRoomLog(3);

  @Test
  void appendGivesEachRoomConsecutiveIdsFromOne() {
    assertEquals(1L, ((ChatMessage) log.append("lobby", text("a"))).id());
    assertEquals(2L, ((ChatMessage) log.append("lobby", text("b"))).id());
    assertEquals(1L, ((ChatMessage) log.append("kitchen", text("c"))).id());
    LocationMessage location = (LocationMessage) log.append("lobby",
        new RoomMessage.Location("Alice", 1, 2, "https://www.google.com/maps?q=1,2", 0));
    assertEquals(3L, location.id());
  }

  @Test
  void recentKeepsOnlyTheLatestMessagesOldestFirst() {
    for (String text : List.of("a", "b", "c", "d")) {
      log.append("lobby", text(text));
    }

    assertEquals(List.of("b", "c", "d"), texts(log.recent("lobby", 10)));
    assertEquals(List.of("c", "d"), texts(log.recent("lobby", 2)));
    assertEquals(List.of(), log.recent("kitchen", 10));
  }

  @Test
  void beforeReadsBackFromAnId() {
    for (String text : List.of("a", "b", "c")) {
      log.append("lobby", text(text));
    }

    assertEquals(List.of("a", "b"), texts(log.before("lobby", 3, 10)));
    assertEquals(List.of("b"), texts(log.before("lobby", 3, 1)));
    assertEquals(List.of(), texts(log.before("lobby", 1, 10)));
  }

  @Test
  void aForgottenRoomStartsAfresh() {
    log.append("lobby", text("a"));
    log.append("lobby", text("b"));

    log.forget("lobby");

    assertEquals(List.of(), log.recent("lobby", 10));
    assertEquals(1L, ((ChatMessage) log.append("lobby", text("c"))).id());
  }

  private static RoomMessage text(String text) {
    return new RoomMessage.Text("Alice", text, 0, false);
  }

  private static List<String> texts(List<ServerMessage> messages) {
    return messages.stream().map(m -> ((ChatMessage) m).text()).toList();
  }
}
