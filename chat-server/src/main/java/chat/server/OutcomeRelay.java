package chat.server;

import chat.server.store.OutcomeRunner;
import chat.server.transport.ChatWebSocketServer;

/**
 * Hands the history writer's outcomes to the WebSocket selector, which exists only after the history (the
 * rooms stand between them), and at the end of the selector's pass that appended has the commit done right
 * there, or else wakes the writer. Until {@link #bind} and after the selector stops, the writer runs the
 * outcomes itself.
 */
final class OutcomeRelay implements OutcomeRunner {
  private volatile ChatWebSocketServer selector;
  /** Selector thread only: a wake is already due at this pass's end. */
  private boolean wakeDue;

  void bind(ChatWebSocketServer webSocket) {
    this.selector = webSocket;
  }

  @Override
  public boolean runInOrder(Runnable reports) {
    ChatWebSocketServer bound = selector;
    if (bound != null && bound.isSelectorThread()) {
      bound.runAfterHandedOver(reports);
      return true;
    }
    return bound != null && bound.runOnSelector(reports);
  }

  @Override
  public void wakeWriter(Writer writer) {
    ChatWebSocketServer bound = selector;
    if (bound == null || !bound.isSelectorThread()) {
      writer.wake();
    } else if (!wakeDue) {
      wakeDue = true;
      bound.atPassEnd(() -> {
        wakeDue = false;
        // A saturated selector leaves the commit to the writer thread, which then works beside it.
        if (bound.isSaturated() || !writer.commitHere()) {
          writer.wake();
        }
      });
    }
  }
}
