package chat.desktop.chat;

/** Opens a link in the system browser (HostServices in the app; a recorder in tests). */
@FunctionalInterface
public interface LinkOpener {
  void open(String url);
}
