package chat.protocol;

import chat.protocol.ClientMessage.LoadHistory;
import com.google.gson.JsonObject;
import java.util.regex.Pattern;

/** Maps a parsed client frame to its record by its {@code type} label. */
final class ClientMessageReader {
  private static final JsonFields.Range SINCE = new JsonFields.Range(
      0, JsonFields.MAX_SAFE_INTEGER, "a non-negative integer", "a non-negative integer");
  private static final JsonFields.Range BEFORE = new JsonFields.Range(
      1, JsonFields.MAX_SAFE_INTEGER, "a positive integer", "a positive integer");
  private static final JsonFields.Range LIMIT = new JsonFields.Range(1, LoadHistory.MAX_LIMIT,
      "an integer from 1 to " + LoadHistory.MAX_LIMIT, "from 1 to " + LoadHistory.MAX_LIMIT);
  /**
   * Epochs, tokens and client ids are opaque keys that servers store and compare and that clients keep in
   * storage or URLs: a small safe alphabet and a length cap keep them harmless everywhere.
   */
  private static final Pattern ID_64 = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern ID_128 = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  private static final String ID_64_RULE = "a string of 1 to 64 characters from A-Z a-z 0-9 _ -";
  private static final String ID_128_RULE = "a string of 1 to 128 characters from A-Z a-z 0-9 _ -";

  ClientMessage read(JsonObject object, String type, Long ref) throws ProtocolException {
    JsonFields fields = new JsonFields(object, type, ref);
    switch (type) {
      case "join":
        return join(fields, requireRef(ref, type));
      case "sendMessage":
        return new ClientMessage.SendMessage(requireRef(ref, type), fields.requiredString("text"), clientId(fields));
      case "sendLocation":
        return new ClientMessage.SendLocation(requireRef(ref, type), fields.requiredNumber("latitude"),
            fields.requiredNumber("longitude"), clientId(fields));
      case "loadHistory":
        return loadHistory(fields, requireRef(ref, type));
      default:
        throw new ProtocolException("Unknown message type '" + shorten(type)
            + "' (expected join, sendMessage, sendLocation or loadHistory)", ref);
    }
  }

  private static ClientMessage.Join join(JsonFields fields, long ref) throws ProtocolException {
    return new ClientMessage.Join(ref, fields.requiredString("username"), fields.requiredString("room"),
        fields.optionalInteger("since", SINCE), fields.optionalString("epoch", ID_64, ID_64_RULE),
        fields.optionalString("resumeToken", ID_128, ID_128_RULE));
  }

  private static LoadHistory loadHistory(JsonFields fields, long ref) throws ProtocolException {
    Long before = fields.optionalInteger("before", BEFORE);
    Long limit = fields.optionalInteger("limit", LIMIT);
    return new LoadHistory(ref, before, limit == null ? LoadHistory.DEFAULT_LIMIT : limit.intValue());
  }

  private static String clientId(JsonFields fields) throws ProtocolException {
    return fields.optionalString("clientId", ID_64, ID_64_RULE);
  }

  private static long requireRef(Long ref, String type) throws ProtocolException {
    if (ref == null) {
      throw new ProtocolException("Field 'ref' is required in a '" + type + "' message");
    }
    return ref;
  }

  private static String shorten(String type) {
    return type.length() > 40 ? type.substring(0, 40) + "…" : type;
  }
}
