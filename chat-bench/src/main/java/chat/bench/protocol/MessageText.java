package chat.bench.protocol;

import chat.bench.ws.WsClient;

/**
 * Finds the {@code "text":"…"} field of a message frame, the same in both protocols once their prefix is
 * skipped, and hands its raw span to the scenario.
 */
final class MessageText {
  private static final byte[] TEXT = Ascii.bytes("\"text\":\"");

  private MessageText() {}

  static void deliver(ChatEvents events, WsClient client, long id, byte[] bytes, int from, int end) {
    int text = Ascii.indexOf(bytes, from, end, TEXT);
    int textStart = text + TEXT.length;
    int textEnd = text < 0 ? -1 : Ascii.stringEnd(bytes, textStart, end);
    if (textEnd < 0) {
      events.onProtocolError(client, "message without text");
    } else {
      events.onMessage(client, id, bytes, textStart, textEnd - textStart);
    }
  }
}
