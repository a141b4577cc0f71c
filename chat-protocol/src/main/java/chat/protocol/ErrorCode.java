package chat.protocol;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a request was refused: the {@code code} of an ack error, so clients branch on it and never on the English
 * {@code error} text (which is for people and may change). The wire name is the constant's name in lower case.
 * A newer server may send codes this list lacks; readers keep the raw string and treat unknown codes as
 * {@link #INVALID}-like failures.
 */
public enum ErrorCode {
  /** A field breaks a rule the user can fix: empty or too long, control characters, a position off the map. */
  INVALID,
  /** The frame was not understood: bad JSON, an unknown type, a field of the wrong type or form. */
  BAD_REQUEST,
  /** The username is held by someone else in that room (ignoring case). */
  NAME_TAKEN,
  /** The username is the server's own ({@code Admin}). */
  RESERVED_NAME,
  /** The message was refused by the profanity check. */
  PROFANITY,
  /** The sender is over its rate; the ack's {@code retryAfterMs} says when to try again. */
  RATE_LIMITED,
  /** A message or history request before joining a room. */
  NOT_JOINED,
  /** The server could not do it now (its history store failed, the connection is closing); try again. */
  UNAVAILABLE;

  /** The name on the wire, e.g. {@code name_taken}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The code with that wire name, if this version knows it. */
  public static Optional<ErrorCode> fromWireName(String wireName) {
    for (ErrorCode code : values()) {
      if (code.wireName().equals(wireName)) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }
}
