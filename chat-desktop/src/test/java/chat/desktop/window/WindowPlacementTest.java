package chat.desktop.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
  /** A 1366×768 laptop with a 40-pixel task bar at the bottom. */
  private static final Box LAPTOP = new Box(0, 0, 1366, 728);
  /** A 1920×1080 monitor to the laptop's right. */
  private static final Box MONITOR = new Box(1366, 0, 1920, 1080);
  private static final Size JOIN = new Size(480, 560);
  private static final Size CHAT = new Size(960, 640);
  private static final Size CHAT_MINIMUM = new Size(720, 480);

  private final WindowPlacement laptopOnly = new WindowPlacement(LAPTOP, List.of(LAPTOP));
  private final WindowPlacement twoScreens = new WindowPlacement(LAPTOP, List.of(LAPTOP, MONITOR));

  @Test
  void centresOnThePrimaryScreen() {
    assertEquals(new Box(443, 84, 480, 560), laptopOnly.centred(JOIN));
  }

  @Test
  void aWindowBiggerThanTheScreenIsShrunkToItsVisualBounds() {
    Box small = new Box(0, 0, 1024, 600);
    assertEquals(small, new WindowPlacement(small, List.of(small)).centred(new Size(1200, 700)));
  }

  @Test
  void theCentredJoinDialogGrowsIntoAChatWindowThatStaysOnTheScreen() {
    Box chat = laptopOnly.grow(laptopOnly.centred(JOIN), CHAT);
    assertEquals(new Box(203, 44, 960, 640), chat);
    assertInside(LAPTOP, chat);
  }

  @Test
  void growingNearAnEdgeMovesTheWindowIn() {
    Box chat = laptopOnly.grow(new Box(1000, 400, 480, 300), CHAT);
    assertEquals(new Box(406, 88, 960, 640), chat);
  }

  @Test
  void growingOnASmallScreenStopsAtItsEdges() {
    Box netbook = new Box(0, 0, 1024, 600);
    WindowPlacement placement = new WindowPlacement(netbook, List.of(netbook));
    assertEquals(new Box(32, 0, 960, 600), placement.grow(placement.centred(JOIN), CHAT));
  }

  @Test
  void aWindowThatIsBigEnoughKeepsItsSizeAndPlace() {
    Box mine = new Box(10, 20, 1100, 700);
    assertEquals(mine, laptopOnly.grow(mine, CHAT));
  }

  @Test
  void aWindowOnTheSecondScreenGrowsWithinThatScreen() {
    Box chat = twoScreens.grow(new Box(3000, 300, 480, 560), CHAT);
    assertEquals(new Box(3286 - 960, 260, 960, 640), chat);
    assertEquals(MONITOR, twoScreens.screenOf(chat));
  }

  @Test
  void theScreenOfAWindowIsTheOneItOverlapsMost() {
    assertEquals(MONITOR, twoScreens.screenOf(new Box(1200, 100, 600, 400)));
    assertEquals(LAPTOP, twoScreens.screenOf(new Box(1000, 100, 600, 400)));
    assertEquals(LAPTOP, twoScreens.screenOf(new Box(-5000, -5000, 600, 400)), "the primary when on none");
  }

  @Test
  void rememberedBoundsOnAScreenAreKept() {
    Box remembered = new Box(1500, 100, 1000, 700);
    assertEquals(Optional.of(remembered), twoScreens.restore(remembered, CHAT_MINIMUM));
  }

  @Test
  void rememberedBoundsOnAScreenThatIsGoneAreIgnored() {
    assertEquals(Optional.empty(), laptopOnly.restore(new Box(1500, 100, 1000, 700), CHAT_MINIMUM));
  }

  @Test
  void anIconifiedWindowsParkingSpotIsIgnored() {
    assertEquals(Optional.empty(), twoScreens.restore(new Box(-32000, -32000, 160, 28), CHAT_MINIMUM));
  }

  @Test
  void rememberedBoundsThatAreNotAWindowAreIgnored() {
    assertEquals(Optional.empty(), laptopOnly.restore(new Box(100, 100, 0, 500), CHAT_MINIMUM));
    assertEquals(Optional.empty(), laptopOnly.restore(new Box(Double.NaN, 100, 800, 500), CHAT_MINIMUM));
  }

  @Test
  void rememberedBoundsHangingOverTheEdgeAreMovedIn() {
    assertEquals(Optional.of(new Box(366, 88, 1000, 640)),
        laptopOnly.restore(new Box(800, 200, 1000, 640), CHAT_MINIMUM));
  }

  @Test
  void rememberedBoundsFromABiggerScreenAreShrunkToThisOne() {
    Optional<Box> restored = laptopOnly.restore(new Box(100, 50, 1900, 1000), CHAT_MINIMUM);
    assertEquals(Optional.of(LAPTOP), restored);
  }

  @Test
  void rememberedBoundsBelowTheMinimumAreGrownToIt() {
    assertEquals(Optional.of(new Box(40, 60, 720, 480)), laptopOnly.restore(new Box(100, 100, 600, 400), CHAT_MINIMUM));
  }

  @Test
  void theMinimumNeverExceedsTheScreen() {
    Box tiny = new Box(0, 0, 640, 480);
    WindowPlacement placement = new WindowPlacement(tiny, List.of(tiny));
    assertEquals(new Size(640, 480), placement.minimumOn(tiny, new Size(720, 520)));
    assertEquals(CHAT_MINIMUM, laptopOnly.minimumOn(LAPTOP, CHAT_MINIMUM));
  }

  private static void assertInside(Box screen, Box window) {
    assertTrue(window.x() >= screen.x() && window.y() >= screen.y() && window.maxX() <= screen.maxX()
        && window.maxY() <= screen.maxY(), window + " is inside " + screen);
  }
}
