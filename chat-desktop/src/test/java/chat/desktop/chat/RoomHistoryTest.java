package chat.desktop.chat;

import static chat.desktop.chat.ChatFixture.NOW;
import static chat.desktop.chat.ChatFixture.joinHistory;
import static chat.desktop.chat.ChatFixture.notice;
import static chat.desktop.chat.ChatFixture.page;
import static chat.desktop.chat.ChatFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ClientMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomHistoryTest {
  private static final long HOUR = 3_600_000;
  private static final long DAY = 24 * HOUR;

  private final ChatFixture fixture = new ChatFixture();
  private final ChatViewModel model = fixture.model;

  @Test
  void theJoinsHistoryIsShownAboveTheWelcomeWithDaySeparators() {
    fixture.connection.receive(joinHistory("lobby", false, null,
        text(1, "Bob", "last week", NOW - 6 * DAY),
        text(2, "Bob", "yesterday", NOW - DAY),
        text(3, "Carol", "this morning", NOW - 2 * HOUR)));
    fixture.connection.receive(notice("Welcome!"));
    assertEquals(List.of("This is the beginning of #lobby", "Sunday 15 November", "last week", "Yesterday",
        "yesterday", "Today", "this morning", "Welcome!"), fixture.texts());
  }

  @Test
  void consecutiveMessagesOfOneSenderWithinMinutesAreGrouped() {
    fixture.connection.receive(joinHistory("lobby", true, null,
        text(1, "Bob", "one", NOW - 10 * 60_000),
        text(2, "Bob", "two", NOW - 9 * 60_000),
        text(3, "Carol", "three", NOW - 8 * 60_000),
        text(4, "Carol", "much later", NOW)));
    List<Boolean> continued = fixture.messages().stream().map(ChatEntry::continued).toList();
    assertEquals(List.of(false, true, false, false), continued);
  }

  @Test
  void aReconnectAddsWhatWasMissedOnceAndNoSecondWelcome() {
    fixture.connection.receive(joinHistory("lobby", true, null, text(1, "Bob", "before", NOW)));
    fixture.connection.receive(notice("Welcome!"));
    fixture.connection.receive(joinHistory("lobby", true, true,
        text(1, "Bob", "before", NOW), text(2, "Bob", "missed", NOW)));
    fixture.connection.receive(notice("Welcome!"));
    fixture.connection.receive(text(2, "Bob", "missed", NOW));
    assertEquals(List.of("before", "Welcome!", "missed"), fixture.messageTexts());
  }

  @Test
  void aHistoryThatCouldNotBeRecoveredShowsTheGapDividerAndTheLatestPage() {
    fixture.connection.receive(joinHistory("lobby", true, null, text(1, "Bob", "before", NOW)));
    fixture.connection.receive(joinHistory("lobby", true, false, text(40, "Bob", "latest", NOW)));
    List<String> rows = fixture.texts();
    assertEquals(List.of("before", "Some messages could not be loaded", "Today", "latest"),
        rows.subList(rows.size() - 4, rows.size()));
  }

  @Test
  void theGapDividerLoadsWhatIsMissingAndGoesWhenItIsFilled() {
    fixture.connection.receive(joinHistory("lobby", true, null, text(1, "Bob", "before", NOW)));
    fixture.connection.receive(joinHistory("lobby", true, false, text(4, "Bob", "latest", NOW)));
    ChatEntry gap = model.entries().stream().filter(e -> e.kind() == ChatEntry.Kind.GAP).findFirst().orElseThrow();
    model.history().loadGap(gap);
    assertEquals(new ClientMessage.LoadHistory(1, 4L, RoomHistory.PAGE_SIZE),
        fixture.connection.lastRequest().message());
    fixture.connection.lastRequest().answer().complete(page(true,
        text(1, "Bob", "before", NOW), text(2, "Bob", "gap 1", NOW), text(3, "Bob", "gap 2", NOW)));
    assertEquals(List.of("before", "gap 1", "gap 2", "latest"), fixture.messageTexts());
    assertTrue(model.entries().stream().noneMatch(e -> e.kind() == ChatEntry.Kind.GAP));
  }

  @Test
  void scrollingToTheTopLoadsThePreviousPageOnce() {
    fixture.connection.receive(joinHistory("lobby", true, null, text(51, "Bob", "newest page", NOW)));
    model.history().loadOlder();
    model.history().loadOlder();
    assertEquals(List.of(new ClientMessage.LoadHistory(1, 51L, RoomHistory.PAGE_SIZE)),
        fixture.connection.sent(ClientMessage.LoadHistory.class));
    assertTrue(model.history().loadingProperty().get());
    fixture.connection.lastRequest().answer().complete(page(true, text(50, "Bob", "older", NOW)));
    assertFalse(model.history().loadingProperty().get());
    assertEquals(List.of("older", "newest page"), fixture.messageTexts());
  }

  @Test
  void theLastPageSaysThisIsTheBeginningAndNothingMoreIsLoaded() {
    fixture.connection.receive(joinHistory("lobby", true, null, text(2, "Bob", "second", NOW)));
    model.history().loadOlder();
    fixture.connection.lastRequest().answer().complete(page(false, text(1, "Bob", "first", NOW)));
    assertEquals("This is the beginning of #lobby", model.entries().get(0).text());
    model.history().loadOlder();
    assertEquals(1, fixture.connection.sent(ClientMessage.LoadHistory.class).size());
  }

  @Test
  void aPageAddedOnTopTellsTheViewHowManyRowsWentInAbove() {
    List<Integer> kept = new java.util.ArrayList<>();
    model.history().setPositionKeeper(change -> kept.add(change.getAsInt()));
    fixture.connection.receive(joinHistory("lobby", true, null, text(3, "Bob", "third", NOW)));
    model.history().loadOlder();
    fixture.connection.lastRequest().answer().complete(page(true,
        text(1, "Carol", "first", NOW - 2 * DAY), text(2, "Carol", "second", NOW - 2 * DAY)));
    // "Thursday 19 November", two messages; the "Today" row stays on top of "third".
    assertEquals(List.of(3), kept);
  }

  @Test
  void aPageThatArrivesAfterARoomSwitchIsDropped() {
    fixture.connection.receive(joinHistory("lobby", true, null, text(3, "Bob", "lobby", NOW)));
    model.history().loadOlder();
    fixture.connection.receive(joinHistory("kitchen", false, null, text(9, "Carol", "kitchen", NOW)));
    fixture.connection.lastRequest().answer().complete(page(true, text(2, "Bob", "old lobby", NOW)));
    assertEquals(List.of("kitchen"), fixture.messageTexts());
  }

  @Test
  void theListHoldsTenThousandMessagesAndDropsTheOldestPastItsCap() {
    fixture.connection.receive(joinHistory("lobby", false, null));
    for (int i = 1; i <= Timeline.MAX_MESSAGES + 1; i++) {
      fixture.connection.receive(text(i, "Bob", "m" + i, NOW));
    }
    List<ChatEntry> messages = fixture.messages();
    assertEquals(Timeline.MAX_MESSAGES + 1 - Timeline.TRIM_BATCH, messages.size());
    assertEquals("m" + (Timeline.TRIM_BATCH + 1), messages.get(0).text());
    model.history().loadOlder();
    assertEquals(new ClientMessage.LoadHistory(1, Timeline.TRIM_BATCH + 1L, RoomHistory.PAGE_SIZE),
        fixture.connection.lastRequest().message(), "the dropped ones can be paged in again");
  }
}
