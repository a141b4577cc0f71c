package chat.desktop.app;

import chat.desktop.chat.ChatController;
import chat.desktop.chat.ChatSession;
import chat.desktop.chat.ChatViewModel;
import chat.desktop.chat.LocationServices;
import chat.desktop.chat.MessageTimeFormat;
import chat.desktop.join.JoinController;
import chat.desktop.join.JoinForm;
import chat.desktop.join.JoinPreferences;
import chat.desktop.join.JoinViewModel;
import chat.desktop.location.LocationChain;
import chat.desktop.location.LocationDialog;
import chat.desktop.location.LocationProvider;
import chat.desktop.location.SavedLocation;
import chat.desktop.window.Box;
import chat.desktop.window.Size;
import chat.desktop.window.StagePlacer;
import chat.desktop.window.WindowMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The one window: the join dialog, then the chat; leaving goes back to the join dialog. */
public final class MainWindow {
  private static final String STYLESHEET = "/chat/desktop/app/chat.css";
  /** The packaged app's icon too (chat-desktop/pom.xml, profile package). */
  private static final String ICON = "/chat/desktop/app/RoomChat.png";
  private static final Size JOIN_SIZE = new Size(480, 560);
  /** The join card with an error line under the fields still fits. */
  private static final Size JOIN_MINIMUM = new Size(420, 520);
  private static final Size CHAT_SIZE = new Size(960, 640);
  /** The sidebar, the connection badge and the composer's buttons still show whole. */
  private static final Size CHAT_MINIMUM = new Size(720, 480);

  private final Stage stage;
  private final AppContext context;
  private final StagePlacer placer;
  private final WindowMemory memory;
  private Size joinSize = JOIN_SIZE;
  private Size chatSize = CHAT_SIZE;
  private JoinViewModel joinModel;
  private ChatViewModel chatModel;

  public MainWindow(Stage stage, AppContext context) {
    this.stage = stage;
    this.context = context;
    this.placer = new StagePlacer(stage);
    this.memory = new WindowMemory(context.preferences());
    stage.getIcons().add(new Image(MainWindow.class.getResource(ICON).toExternalForm()));
  }

  /**
   * Shows the join dialog prefilled from the options, joins at once with {@code --join}. The window opens where
   * it was last closed when a screen is still there, and both screens then keep that size instead of their own.
   */
  public void start(LaunchOptions options) {
    Optional<Box> restored = placer.restore(memory.remembered(), JOIN_MINIMUM);
    if (restored.isPresent()) {
      joinSize = restored.get().size();
      chatSize = joinSize.atLeast(CHAT_MINIMUM);
    } else {
      placer.centre(JOIN_SIZE, JOIN_MINIMUM);
    }
    showJoin(new JoinForm(options.server(), options.name(), options.room()));
    stage.show();
    if (options.joinNow()) {
      joinModel.join();
    }
  }

  public void showJoin(JoinForm form) {
    if (chatModel != null) {
      chatModel.attention().windowFocusedProperty().unbind();
    }
    joinModel = new JoinViewModel(context.connector(), context.directory(),
        new JoinPreferences(context.preferences()), context.ui(), this::showChat);
    joinModel.prefill(form);
    Parent root = load("/chat/desktop/join/join-view.fxml", new JoinController(joinModel));
    stage.titleProperty().unbind();
    stage.setTitle("Join — Chat App");
    show(root, joinSize, JOIN_MINIMUM);
    joinModel.refreshRooms();
  }

  public void showChat(ChatSession session) {
    SavedLocation saved = new SavedLocation(context.preferences());
    List<LocationProvider> providers = new ArrayList<>();
    providers.add(saved);
    providers.addAll(context.lookups());
    LocationServices location = new LocationServices(new LocationChain(providers), saved, new LocationDialog(stage, stylesheet()));
    Clock clock = context.clock().withZone(context.zone());
    chatModel = new ChatViewModel(session, context.ui(), location, clock,
        left -> showJoin(new JoinForm(left.serverAddress(), left.username(), left.room())));
    ChatController controller = new ChatController(chatModel, new MessageTimeFormat(clock, Locale.getDefault(Locale.Category.FORMAT)), context.links());
    Parent root = load("/chat/desktop/chat/chat-view.fxml", controller);
    stage.titleProperty().bind(chatModel.titleProperty());
    chatModel.attention().windowFocusedProperty().bind(stage.focusedProperty());
    show(root, chatSize, CHAT_MINIMUM);
    controller.focusComposer();
    chatModel.start();
  }

  /** Remembers where the window is and closes the connection, if any, when the app exits. */
  public void shutDown() {
    // An iconified window's bounds are a parking spot off the screen, not where the user put it.
    if (!stage.isIconified()) {
      memory.remember(placer.bounds());
    }
    if (chatModel != null) {
      chatModel.attention().windowFocusedProperty().unbind();
      chatModel.leaveQuietly();
    }
  }

  public JoinViewModel joinModel() {
    return joinModel;
  }

  public ChatViewModel chatModel() {
    return chatModel;
  }

  /** Shows a screen in the window, grown to its size within the screen; the window never shrinks by itself. */
  private void show(Parent root, Size wanted, Size minimum) {
    if (stage.getScene() == null) {
      Scene scene = new Scene(root);
      scene.getStylesheets().add(stylesheet());
      stage.setScene(scene);
    } else {
      stage.getScene().setRoot(root);
    }
    placer.fit(wanted, minimum);
  }

  /** The app's stylesheet URL, for the window's scene and for dialogs, which have scenes of their own. */
  public static String stylesheet() {
    return MainWindow.class.getResource(STYLESHEET).toExternalForm();
  }

  private static Parent load(String fxml, Object controller) {
    FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource(fxml));
    loader.setControllerFactory(type -> controller);
    try {
      return loader.load();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load " + fxml, e);
    }
  }
}
