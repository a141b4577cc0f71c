package chat.server.metrics;

import chat.protocol.ClientMessage;
import java.util.Locale;

/**
 * Why a request was answered with an error, as the {@code reason} label of {@code chat_refusals_total}. The
 * protocol has no error codes yet, so each reason stands for a family of error texts; the set is fixed, so the
 * label's cardinality stays bounded.
 */
public enum Refusal {
  /** Not a request the server understands: bad JSON, wrong types, an unknown message, a binary frame. */
  BAD_REQUEST,
  /** Over the connection's rate ({@code --rate-limit}). */
  RATE_LIMITED,
  /** A message or history request before joining a room. */
  NOT_JOINED,
  /** The name is held by someone else in that room (ignoring case and disguise). */
  NAME_TAKEN,
  /** The name is the server's own ({@code Admin}). */
  RESERVED_NAME,
  /** A message the profanity check refused. */
  PROFANITY,
  /** Any other rule: empty or too long a name, room or message, a position off the map, a closed connection. */
  INVALID,
  /** The history store could not save or load it; the client may try again. */
  UNAVAILABLE;

  /** The label value: the constant's name in lower case, e.g. {@code name_taken}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What kind of request was refused: the {@code request} label. */
  public enum Request {
    JOIN, MESSAGE, HISTORY, OTHER;

    /** Texts and locations are both messages. */
    public static Request of(ClientMessage message) {
      if (message instanceof ClientMessage.Join) {
        return JOIN;
      }
      return message instanceof ClientMessage.LoadHistory ? HISTORY : MESSAGE;
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
