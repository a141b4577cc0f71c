package chat.protocol.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One JDK WebSocket: opened with an optional Origin header, sending one frame at a time (the JDK allows only
 * one send in flight), closed politely or cut. All clients share one HttpClient, so a client costs no thread of
 * its own and hundreds of them can run in one test.
 */
final class ClientSocket {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final WebSocket socket;

  private ClientSocket(WebSocket socket) {
    this.socket = socket;
  }

  /** The client most connections share; a TLS test brings its own, trusting its own certificate. */
  static HttpClient sharedClient() {
    return HTTP;
  }

  /** Opens a connection whose frames go to the listener; fails with the reason if the server refuses. */
  static ClientSocket open(HttpClient http, URI uri, String origin, WebSocket.Listener listener, Duration timeout) {
    try {
      return new ClientSocket(handshake(http, uri, origin, listener, timeout).get(timeout.toMillis(),
          TimeUnit.MILLISECONDS));
    } catch (ExecutionException e) {
      throw new AssertionError("Could not connect to " + uri + ": " + describe(e.getCause()), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("Could not connect to " + uri + " within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while connecting to " + uri, e);
    }
  }

  /** The HTTP status with which the server refused the handshake; fails if it accepted it. */
  static int refusedStatus(URI uri, String origin, Duration timeout) {
    try {
      WebSocket accepted = handshake(HTTP, uri, origin, new WebSocket.Listener() {}, timeout)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      accepted.abort();
      throw new AssertionError("The server accepted the handshake from origin " + origin + " at " + uri);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw new AssertionError("Could not reach " + uri + ": " + describe(e.getCause()), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("No answer to the handshake at " + uri + " within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while connecting to " + uri, e);
    }
  }

  private static CompletableFuture<WebSocket> handshake(HttpClient http, URI uri, String origin,
      WebSocket.Listener listener, Duration timeout) {
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(timeout);
    if (origin != null) {
      builder.header("Origin", origin);
    }
    return builder.buildAsync(uri, listener);
  }

  /** Sends one text frame and waits until it is written; false if the connection can no longer send. */
  synchronized boolean sendText(String text, Duration timeout) {
    return completes(socket.sendText(text, true), timeout);
  }

  synchronized boolean sendBinary(byte[] bytes, Duration timeout) {
    return completes(socket.sendBinary(ByteBuffer.wrap(bytes), true), timeout);
  }

  /** Starts the closing handshake unless it was started already; the server's answer reaches the listener. */
  synchronized void sendClose(int code, String reason) {
    if (!socket.isOutputClosed()) {
      socket.sendClose(code, reason);
    }
  }

  /** Cuts the TCP connection without a close frame, as a crashed client or a lost network would. */
  void abort() {
    socket.abort();
  }

  private static boolean completes(CompletableFuture<WebSocket> sending, Duration timeout) {
    try {
      sending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      return false;
    } catch (TimeoutException e) {
      throw new AssertionError("A frame was still not written after " + timeout.toMillis()
          + " ms: the server stopped reading", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while sending", e);
    }
  }

  private static String describe(Throwable error) {
    if (error instanceof WebSocketHandshakeException refused) {
      return "the handshake was refused with HTTP " + refused.getResponse().statusCode();
    }
    return String.valueOf(error);
  }
}
