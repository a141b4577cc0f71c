package chat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryPresenceTest {
  private final InMemoryPresence presence = new InMemoryPresence();

  @Test
  void aNameIsClaimedOncePerRoomIgnoringCaseAndDisguise() {
    assertTrue(presence.claim("lobby", "Alice"));

    assertFalse(presence.claim("lobby", "ALICE"));
    assertFalse(presence.claim("lobby", "\uFF21lice"), "full-width A");
    assertFalse(presence.claim("lobby", "Al\u200Bice"), "zero-width space");
    assertTrue(presence.claim("kitchen", "alice"));
    assertTrue(presence.isClaimed("lobby", "aLiCe"));
  }

  @Test
  void usernamesKeepTheirCaseInClaimOrder() {
    presence.claim("lobby", "Bob");
    presence.claim("lobby", "alice");
    presence.claim("lobby", "Carol");

    assertEquals(List.of("Bob", "alice", "Carol"), presence.usernames("lobby"));
  }

  @Test
  void releaseFreesTheNameAndAnEmptyRoomDisappears() {
    presence.claim("lobby", "Alice");
    presence.claim("kitchen", "Bob");

    assertTrue(presence.release("lobby", "alice"));
    assertFalse(presence.release("lobby", "Alice"), "released already");

    assertFalse(presence.isClaimed("lobby", "Alice"));
    assertEquals(List.of(), presence.usernames("lobby"));
    assertEquals(Map.of("kitchen", 1), presence.headcounts());
    assertTrue(presence.claim("lobby", "ALICE"));
  }

  @Test
  void headcountsListRoomsByName() {
    presence.claim("lobby", "Alice");
    presence.claim("kitchen", "Bob");
    presence.claim("lobby", "Carol");

    assertEquals(List.of("kitchen", "lobby"), List.copyOf(presence.headcounts().keySet()));
    assertEquals(Map.of("kitchen", 1, "lobby", 2), presence.headcounts());
  }
}
