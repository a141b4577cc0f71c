package chat.desktop.chat;

/** What the list's own rows can do when clicked: the gap divider's loading, an unsent message's Edit/Discard. */
public interface RowActions {
  void loadGap(ChatEntry gap);

  void edit(ChatEntry unsent);

  void discard(ChatEntry unsent);
}
