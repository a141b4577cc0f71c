package chat.server;

import chat.server.store.OutcomeRunner;
import chat.server.transport.ChatWebSocketServer;

/**
 * Hands the history writer's outcomes to the WebSocket selector, which exists only after the history (the
 * rooms stand between them). Until {@link #bind} and after the selector stops, the writer runs them itself.
 */
final class OutcomeRelay implements OutcomeRunner {
  private volatile ChatWebSocketServer selector;

  void bind(ChatWebSocketServer webSocket) {
    this.selector = webSocket;
  }

  @Override
  public boolean runInOrder(Runnable reports) {
    ChatWebSocketServer bound = selector;
    return bound != null && bound.runOnSelector(reports);
  }
}
