package chat.server.security;

import chat.protocol.testing.TestClient;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;

/** One hostile client in the chaos test: it joins a room under its name, then does its kind of damage. */
final class ChaosAttacker implements Callable<String> {
  private static final List<String> GARBAGE = List.of("{not json", "[]", "null", "{\"type\":42}",
      "{\"type\":\"join\",\"ref\":1,\"username\":[],\"room\":{}}", "{\"type\":\"dance\",\"ref\":2}",
      "{\"type\":\"sendLocation\",\"ref\":3,\"latitude\":NaN,\"longitude\":1e999}",
      "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "{\"type\":\"join\",\"ref\":4,\"ref\":5}");

  enum Kind { GARBAGE, OVERSIZED, GIANT_HEADER, ENDLESS_FRAGMENTS, BROKEN_UTF8 }

  private final URI uri;
  private final int wsPort;
  private final String username;
  private final String room;
  private final Kind kind;

  ChaosAttacker(URI uri, int wsPort, String username, String room, Kind kind) {
    this.uri = uri;
    this.wsPort = wsPort;
    this.username = username;
    this.room = room;
    this.kind = kind;
  }

  /** Returns the attacker's name once its connection is closed, so the test can check the name is free. */
  @Override
  public String call() throws IOException {
    switch (kind) {
      case GARBAGE, OVERSIZED -> {
        try (TestClient client = TestClient.connect(uri).joined(username, room)) {
          for (String garbage : GARBAGE) {
            client.trySendRaw(garbage);
          }
          client.trySendBinary(new byte[] {0, 1, 2});
          if (kind == Kind.OVERSIZED) {
            client.trySendRaw("{\"type\":\"sendMessage\",\"ref\":9,\"text\":\"" + "o".repeat(100_000) + "\"}");
            expectClose(1009, client.awaitClose().code());
          } else {
            client.say("sorry");
          }
        }
      }
      default -> rawAttack();
    }
    return username;
  }

  private void rawAttack() throws IOException {
    try (RawWebSocket socket = RawWebSocket.open(wsPort, null)) {
      socket.sendText("{\"type\":\"join\",\"ref\":1,\"username\":\"" + username + "\",\"room\":\"" + room + "\"}");
      socket.awaitText("\"ack\"", TestClient.TIMEOUT);
      int expected = 1009;
      if (kind == Kind.GIANT_HEADER) {
        socket.sendBytes(RawWebSocket.header(true, RawWebSocket.TEXT, 1L << 30));
      } else if (kind == Kind.BROKEN_UTF8) {
        socket.sendFrame(true, RawWebSocket.TEXT, new byte[] {'"', (byte) 0xFF, '"'});
        expected = 1007;
      } else {
        socket.sendFrame(false, RawWebSocket.TEXT, new byte[] {'{'});
        try {
          for (int i = 0; i < 64; i++) {
            socket.sendFrame(false, RawWebSocket.CONTINUATION, new byte[32 * 1024]);
          }
        } catch (IOException cutOff) {
          // cut off part-way, as it should be
        }
      }
      expectClose(expected, socket.awaitClose(TestClient.TIMEOUT).closeCode());
    }
  }

  private void expectClose(int expected, int actual) {
    if (actual != expected) {
      throw new AssertionError(username + " (" + kind + ") was closed with " + actual + ", not " + expected);
    }
  }
}
