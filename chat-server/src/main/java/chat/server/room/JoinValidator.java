package chat.server.room;

import chat.protocol.ErrorCode;
import chat.server.config.ServerConfig;
import java.text.Normalizer;
import java.util.Locale;

/** The rules a display name and a room name must follow, and the folding that makes names compare equal. */
public final class JoinValidator {
  static final String REQUIRED = "Username and room are required!";
  static final String RESERVED = "The username Admin is reserved for the server";
  private static final String ADMIN_KEY = "admin";

  private final int maxUsernameLength;
  private final int maxRoomLength;

  JoinValidator(ServerConfig config) {
    this.maxUsernameLength = config.maxUsernameLength();
    this.maxRoomLength = config.maxRoomLength();
  }

  JoinRequest validate(String rawUsername, String rawRoom) throws ValidationException {
    String username = rawUsername.strip();
    String room = rawRoom.strip();
    if (username.isEmpty() || room.isEmpty()) {
      throw new ValidationException(ErrorCode.INVALID, REQUIRED);
    }
    check("Username", username, maxUsernameLength);
    check("Room", room, maxRoomLength);
    if (nameKey(username).equals(ADMIN_KEY)) {
      throw new ValidationException(ErrorCode.RESERVED_NAME, RESERVED);
    }
    return new JoinRequest(username, room.toLowerCase(Locale.ROOT));
  }

  /**
   * The form in which two names are the same user: compatibility-normalised (so a full-width "Ａdmin" is "admin"),
   * invisible format characters removed, lower-cased.
   */
  public static String nameKey(String username) {
    String normalised = Normalizer.normalize(username, Normalizer.Form.NFKC);
    StringBuilder key = new StringBuilder(normalised.length());
    normalised.codePoints()
        .filter(c -> Character.getType(c) != Character.FORMAT)
        .forEach(key::appendCodePoint);
    return key.toString().toLowerCase(Locale.ROOT);
  }

  private static void check(String what, String value, int maxLength) throws ValidationException {
    if (value.codePointCount(0, value.length()) > maxLength) {
      throw new ValidationException(ErrorCode.INVALID, what + " must be at most " + maxLength + " characters");
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw new ValidationException(ErrorCode.INVALID, what + " must not contain control characters");
    }
  }
}
