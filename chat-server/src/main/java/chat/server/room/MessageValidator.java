package chat.server.room;

import chat.protocol.ErrorCode;
import chat.server.config.ServerConfig;
import java.math.BigDecimal;

/** The rules for message text and shared positions, and the map link built from a valid position. */
final class MessageValidator {
  static final String PROFANITY = "Profanity is not allowed!";
  static final String EMPTY = "Message must not be empty";

  private final int maxMessageLength;
  private final ProfanityFilter profanity;

  MessageValidator(ServerConfig config, ProfanityFilter profanity) {
    this.maxMessageLength = config.maxMessageLength();
    this.profanity = profanity;
  }

  /** The text as it will be sent; surrounding blank lines and spaces are dropped. */
  String validateText(String text) throws ValidationException {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new ValidationException(ErrorCode.INVALID, EMPTY);
    }
    if (trimmed.codePointCount(0, trimmed.length()) > maxMessageLength) {
      throw new ValidationException(ErrorCode.INVALID, "Message is too long (at most " + maxMessageLength + " characters)");
    }
    if (profanity.isProfane(trimmed)) {
      throw new ValidationException(ErrorCode.PROFANITY, PROFANITY);
    }
    return trimmed;
  }

  void validatePosition(double latitude, double longitude) throws ValidationException {
    if (!Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
      throw new ValidationException(ErrorCode.INVALID, "Latitude must be a number from -90 to 90");
    }
    if (!Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
      throw new ValidationException(ErrorCode.INVALID, "Longitude must be a number from -180 to 180");
    }
  }

  /** Built here from validated numbers, never from client text, so the link cannot carry anything else. */
  static String mapUrl(double latitude, double longitude) {
    return "https://www.google.com/maps?q=" + plain(latitude) + "," + plain(longitude);
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
