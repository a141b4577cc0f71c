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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The one window: the join dialog, then the chat; leaving goes back to the join dialog. */
public final class MainWindow {
  private static final String STYLESHEET = "/chat/desktop/app/chat.css";

  private final Stage stage;
  private final AppContext context;
  private JoinViewModel joinModel;
  private ChatViewModel chatModel;

  public MainWindow(Stage stage, AppContext context) {
    this.stage = stage;
    this.context = context;
  }

  /** Shows the join dialog prefilled from the options, joins at once with {@code --join}. */
  public void start(LaunchOptions options) {
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
    stage.setTitle("Join — Chat");
    show(root, 480, 560);
    joinModel.refreshRooms();
  }

  public void showChat(ChatSession session) {
    SavedLocation saved = new SavedLocation(context.preferences());
    List<LocationProvider> providers = new ArrayList<>();
    providers.add(saved);
    providers.addAll(context.lookups());
    LocationServices location = new LocationServices(new LocationChain(providers), saved, new LocationDialog(stage, stylesheet()));
    chatModel = new ChatViewModel(session, context.ui(), location, context.clock(),
        left -> showJoin(new JoinForm(left.serverAddress(), left.username(), left.room())));
    ChatController controller =
        new ChatController(chatModel, new MessageTimeFormat(context.zone()), context.links());
    Parent root = load("/chat/desktop/chat/chat-view.fxml", controller);
    stage.titleProperty().bind(chatModel.titleProperty());
    chatModel.attention().windowFocusedProperty().bind(stage.focusedProperty());
    show(root, 960, 640);
    controller.focusComposer();
    chatModel.start();
  }

  /** Closes the connection, if any, when the app exits. */
  public void shutDown() {
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

  private void show(Parent root, double width, double height) {
    if (stage.getScene() == null) {
      Scene scene = new Scene(root, width, height);
      scene.getStylesheets().add(stylesheet());
      stage.setScene(scene);
    } else {
      stage.getScene().setRoot(root);
      if (stage.getWidth() < width || stage.getHeight() < height) {
        stage.setWidth(Math.max(stage.getWidth(), width));
        stage.setHeight(Math.max(stage.getHeight(), height));
      }
    }
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
