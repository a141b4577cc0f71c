package chat.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Maps a parsed server frame to its record by its {@code type} label (used by clients and tests). */
final class ServerMessageReader {

  ServerMessage read(JsonObject object, String type) throws ProtocolException {
    JsonFields fields = new JsonFields(object, type, null);
    switch (type) {
      case "ack":
        return new ServerMessage.Ack(fields.requiredInteger("ref"), optionalString(object, "error"),
            fields.optionalInteger("retryAfterMs"));
      case "message":
        return new ServerMessage.ChatMessage(
            fields.optionalInteger("id"),
            fields.requiredString("username"),
            fields.requiredString("text"),
            fields.requiredInteger("createdAt"),
            fields.optionalBoolean("system"));
      case "locationMessage":
        return new ServerMessage.LocationMessage(
            fields.requiredInteger("id"),
            fields.requiredString("username"),
            fields.requiredNumber("latitude"),
            fields.requiredNumber("longitude"),
            fields.requiredString("url"),
            fields.requiredInteger("createdAt"));
      case "roomData":
        return new ServerMessage.RoomData(fields.requiredString("room"), users(fields));
      case "error":
        return new ServerMessage.ErrorMessage(fields.requiredString("error"));
      default:
        throw new ProtocolException("Unknown message type '" + type + "'");
    }
  }

  private static List<RoomUser> users(JsonFields fields) throws ProtocolException {
    List<RoomUser> users = new ArrayList<>();
    for (JsonElement element : fields.requiredArray("users")) {
      JsonObject user = ProtocolCodec.asObject(element, "users");
      users.add(new RoomUser(new JsonFields(user, "roomData", null).requiredString("username")));
    }
    return users;
  }

  private static String optionalString(JsonObject object, String name) throws ProtocolException {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw new ProtocolException("Field '" + name + "' must be a string");
    }
    return value.getAsString();
  }
}
