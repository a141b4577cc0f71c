package chat.desktop.net;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Reassembles text frames from one socket and reports its end exactly once. */
final class SocketListener implements WebSocket.Listener {
  private final Consumer<String> frames;
  private final Runnable pongs;
  private final BiConsumer<WebSocket, String> lost;
  private final StringBuilder partial = new StringBuilder();
  private boolean ended;

  SocketListener(Consumer<String> frames, Runnable pongs, BiConsumer<WebSocket, String> lost) {
    this.frames = frames;
    this.pongs = pongs;
    this.lost = lost;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String frame = partial.toString();
      partial.setLength(0);
      frames.accept(frame);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, java.nio.ByteBuffer message) {
    pongs.run();
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    end(webSocket, "closed by the server (" + statusCode + ")");
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    end(webSocket, String.valueOf(error.getMessage()));
  }

  private synchronized void end(WebSocket webSocket, String reason) {
    if (!ended) {
      ended = true;
      lost.accept(webSocket, reason);
    }
  }
}
