package chat.protocol;

import com.google.gson.JsonObject;

/** Maps a parsed client frame to its record by its {@code type} label. */
final class ClientMessageReader {

  ClientMessage read(JsonObject object, String type, Long ref) throws ProtocolException {
    JsonFields fields = new JsonFields(object, type, ref);
    switch (type) {
      case "join":
        return new ClientMessage.Join(
            requireRef(ref, type), fields.requiredString("username"), fields.requiredString("room"));
      case "sendMessage":
        return new ClientMessage.SendMessage(requireRef(ref, type), fields.requiredString("text"));
      case "sendLocation":
        return new ClientMessage.SendLocation(
            requireRef(ref, type), fields.requiredNumber("latitude"), fields.requiredNumber("longitude"));
      default:
        throw new ProtocolException(
            "Unknown message type '" + shorten(type) + "' (expected join, sendMessage or sendLocation)", ref);
    }
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
