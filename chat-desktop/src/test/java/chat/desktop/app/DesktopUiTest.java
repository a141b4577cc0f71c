package chat.desktop.app;

import chat.desktop.chat.ChatEntry;
import chat.desktop.chat.ChatSession;
import chat.desktop.testing.FakeChatConnection;
import chat.desktop.chat.ChatViewModel;
import chat.desktop.net.Backoff;
import chat.desktop.net.ConnectionTimings;
import chat.desktop.net.HttpRoomDirectory;
import chat.desktop.net.WebSocketChatConnector;
import chat.desktop.testing.Await;
import chat.desktop.testing.InMemoryPreferences;
import chat.desktop.testing.LayoutPulses;
import chat.desktop.testing.TestServer;
import chat.desktop.ui.FxUiThread;
import chat.protocol.testing.TestClient;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;
import org.testfx.api.FxToolkit;
import org.testfx.util.NodeQueryUtils;

/**
 * The real app window against a real server started per test, driven through TestFX (headless Monocle). The
 * app gets in-memory preferences, a recording link opener and a quick reconnect backoff.
 */
abstract class DesktopUiTest extends FxRobot {
  protected final InMemoryPreferences preferences = new InMemoryPreferences();
  protected final List<String> openedLinks = new CopyOnWriteArrayList<>();
  protected final List<TestClient> clients = new CopyOnWriteArrayList<>();
  protected TestServer server;
  protected MainWindow window;
  protected Stage stage;

  @BeforeEach
  void startApp() throws java.util.concurrent.TimeoutException {
    stage = FxToolkit.registerPrimaryStage();
    server = startServer();
    Await.fx(() -> {
      openWindow();
      return null;
    });
  }

  private void openWindow() {
    HttpClient http = HttpClient.newHttpClient();
    AppContext context = new AppContext(
        new FxUiThread(),
        new WebSocketChatConnector(http,
            () -> new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), Math::random),
            new ConnectionTimings(Duration.ofSeconds(5), Duration.ofSeconds(5))),
        new HttpRoomDirectory(http),
        preferences,
        openedLinks::add,
        List.of(),
        Clock.systemDefaultZone(),
        ZoneId.systemDefault());
    stage.setWidth(960);
    stage.setHeight(640);
    window = new MainWindow(stage, context);
    window.start(options());
    stage.requestFocus();
  }

  /**
   * Closes the window as the app does when it exits and opens it again with the same preferences, as the next
   * run would; {@code whileClosed} runs in between (to change what is remembered).
   */
  protected void restartApp(Runnable whileClosed) {
    Await.fx(() -> {
      window.shutDown();
      whileClosed.run();
      openWindow();
      return null;
    });
  }

  /** The server each test runs against; by default one that keeps history in memory. */
  protected TestServer startServer() {
    return TestServer.start();
  }

  /** What the app is started with; by default only the test server's address. */
  protected LaunchOptions options() {
    return new LaunchOptions(server.address(), null, null, false, Optional.empty());
  }

  @AfterEach
  void stopEverything() {
    Await.fx(() -> {
      if (window != null) {
        window.shutDown();
      }
      return null;
    });
    for (TestClient client : clients) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Fills the join dialog by typing, presses Join and waits for the chat window. */
  protected void joinAs(String name, String room) {
    typeJoinForm(name, room);
    clickOnFxPoint(() -> lookup("#joinButton").query());
    Await.untilFx("the chat window shows " + room, () -> window.chatModel() != null
        && stage.getScene().lookup("#messageList") != null
        && window.chatModel().onlineProperty().get() && users().contains(name));
  }

  protected void typeJoinForm(String name, String room) {
    clickOnFxPoint(() -> lookup("#usernameField").query()).write(name);
    clickOnFxPoint(() -> lookup("#roomBox").queryAs(ComboBox.class).getEditor()).write(room);
  }

  /**
   * Clicks the middle of a node found and measured on the FX thread, once it has a size and stays where it
   * is from one look to the next. TestFX's {@code clickOn(query)} looks the node up and measures it on the
   * test thread, racing the FX thread's layout of a window just shown: a text layout read mid-update threw
   * "this.lines is null" (JavaFX 21, one run in many). A node just made visible has no size, or its old
   * place, until the next layout pass, so the two looks must have a layout pass between them.
   */
  protected FxRobotInterface clickOnFxPoint(Callable<Node> node) {
    AtomicReference<Point2D> seen = new AtomicReference<>();
    AtomicLong seenAtPulse = new AtomicLong(-1);
    LayoutPulses pulses = new LayoutPulses();
    try {
      Await.untilFx("a laid-out node to click", () -> {
        Node target = call(node);
        if (target == null || target.getScene() == null || target.getLayoutBounds().isEmpty()) {
          return false;
        }
        pulses.follow(target.getScene());
        long pulse = pulses.count();
        Point2D middle = point(target).query();
        // Two looks within one pulse agree even on a place the next layout pass moves (a window just resized).
        boolean samePlace = middle.equals(seen.getAndSet(middle));
        boolean pulseBetween = pulse > seenAtPulse.getAndSet(pulse);
        return samePlace && pulseBetween;
      });
    } finally {
      Await.fx(() -> {
        pulses.stop();
        return null;
      });
    }
    return clickOn(seen.get());
  }

  private static Node call(Callable<Node> node) {
    try {
      return node.call();
    } catch (Exception e) {
      throw new AssertionError("could not find the node to click", e);
    }
  }

  /**
   * Clicks the first visible node a CSS query finds, as TestFX's {@code clickOn(query)} does, but found and
   * measured on the FX thread (see {@link #clickOnFxPoint}).
   */
  protected FxRobotInterface clickOnFx(String query) {
    return clickOnFxPoint(() -> lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().orElse(null));
  }

  /** A protocol-level participant who has joined the room. */
  protected TestClient participant(String name, String room) {
    TestClient client = TestClient.connect(server.wsUri()).withTimeout(Await.TIMEOUT);
    clients.add(client);
    if (!client.join(name, room).isOk()) {
      throw new AssertionError(name + " could not join " + room);
    }
    return client;
  }

  /**
   * Opens the chat window on a connection the test drives (for histories a real server cannot make, such as
   * days ago, or ten thousand messages).
   */
  protected void openChatOn(FakeChatConnection connection, String name, String room) {
    Await.fx(() -> {
      window.showChat(new ChatSession(connection, name, room, server.address()));
      return null;
    });
  }

  /** The rows of the message list of one kind. */
  protected List<ChatEntry> rowsOf(ChatEntry.Kind kind) {
    return Await.fx(() -> messageList().getItems().stream().filter(row -> row.kind() == kind).toList());
  }

  /** The texts of the list's messages only (no day separators, dividers or outbox rows). */
  protected List<String> shownMessages() {
    return Await.fx(() -> messageList().getItems().stream().filter(ChatEntry::isMessage).map(ChatEntry::text)
        .toList());
  }

  /** Pretends the window lost (or got back) the focus: Monocle's one window keeps it otherwise. */
  protected void setWindowFocused(boolean focused) {
    Await.fx(() -> {
      chat().attention().windowFocusedProperty().unbind();
      chat().attention().windowFocusedProperty().set(focused);
      return null;
    });
  }

  protected String connectionText() {
    return Await.fx(() -> lookup("#connectionLabel").queryAs(javafx.scene.control.Label.class).getText());
  }

  protected ChatViewModel chat() {
    return window.chatModel();
  }

  protected List<String> users() {
    return Await.fx(() -> List.copyOf(userList().getItems()));
  }

  protected List<String> messageTexts() {
    return Await.fx(() -> messageList().getItems().stream().map(ChatEntry::text).toList());
  }

  @SuppressWarnings("unchecked")
  protected ListView<String> userList() {
    return lookup("#userList").queryAs(ListView.class);
  }

  @SuppressWarnings("unchecked")
  protected ListView<ChatEntry> messageList() {
    return lookup("#messageList").queryAs(ListView.class);
  }

  protected TextField field(String id) {
    return lookup(id).queryAs(TextField.class);
  }

  protected Button button(String id) {
    return lookup(id).queryAs(Button.class);
  }

  /** The message list's vertical scroll bar. */
  protected ScrollBar messageScrollBar() {
    for (Node node : messageList().lookupAll(".scroll-bar")) {
      if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
        return bar;
      }
    }
    throw new AssertionError("the message list has no vertical scroll bar");
  }

  protected boolean scrolledToBottom() {
    return Await.fx(() -> {
      ScrollBar bar = messageScrollBar();
      return bar.isVisible() && bar.getValue() >= bar.getMax() - 0.001;
    });
  }
}
