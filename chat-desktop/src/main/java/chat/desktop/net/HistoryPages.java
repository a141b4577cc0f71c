package chat.desktop.net;

import chat.protocol.ServerMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The history pages that answered a {@code loadHistory}, kept by ref until their ack completes the request. */
final class HistoryPages {
  private final Map<Long, ServerMessage.History> arrived = new ConcurrentHashMap<>();

  void arrived(ServerMessage.History page) {
    arrived.put(page.ref(), page);
  }

  /** The page for an acked request; the ack always follows its page on the same socket. */
  ServerMessage.History take(long ref) {
    ServerMessage.History page = arrived.remove(ref);
    if (page == null) {
      throw new RequestFailedException("The server sent no history page");
    }
    return page;
  }
}
