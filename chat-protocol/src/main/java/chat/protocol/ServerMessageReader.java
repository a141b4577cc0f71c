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
        return new ServerMessage.Ack(fields.requiredInteger("ref"), fields.optionalString("error"),
            fields.optionalString("code"), fields.optionalInteger("retryAfterMs"), fields.optionalInteger("id"),
            fields.optionalString("resumeToken"));
      case "message":
        return chat(fields);
      case "locationMessage":
        return location(fields);
      case "history":
        return history(fields);
      case "roomData":
        return new ServerMessage.RoomData(fields.requiredString("room"), users(fields));
      case "error":
        return new ServerMessage.ErrorMessage(fields.requiredString("error"));
      default:
        throw new ProtocolException("Unknown message type '" + type + "'");
    }
  }

  private static ServerMessage.ChatMessage chat(JsonFields fields) throws ProtocolException {
    return new ServerMessage.ChatMessage(
        fields.optionalInteger("id"),
        fields.requiredString("username"),
        fields.requiredString("text"),
        fields.requiredInteger("createdAt"),
        fields.optionalBoolean("system"),
        fields.optionalString("clientId"));
  }

  private static ServerMessage.LocationMessage location(JsonFields fields) throws ProtocolException {
    return new ServerMessage.LocationMessage(
        fields.requiredInteger("id"),
        fields.requiredString("username"),
        fields.requiredNumber("latitude"),
        fields.requiredNumber("longitude"),
        fields.requiredString("url"),
        fields.requiredInteger("createdAt"),
        fields.optionalString("clientId"));
  }

  private static ServerMessage.History history(JsonFields fields) throws ProtocolException {
    return new ServerMessage.History(
        fields.optionalInteger("ref"),
        fields.requiredString("room"),
        fields.requiredString("epoch"),
        entries(fields),
        fields.requiredBoolean("hasMore"),
        fields.nullableBoolean("recovered"));
  }

  /** A history's entries are the room's messages exactly as they were sent live, each with its own type. */
  private static List<ServerMessage> entries(JsonFields fields) throws ProtocolException {
    List<ServerMessage> messages = new ArrayList<>();
    for (JsonElement element : fields.requiredArray("messages")) {
      messages.add(entry(ProtocolCodec.asObject(element, "messages")));
    }
    return messages;
  }

  private static ServerMessage entry(JsonObject entry) throws ProtocolException {
    String type = new JsonFields(entry, "history", null).requiredString("type");
    switch (type) {
      case "message":
        return chat(new JsonFields(entry, type, null));
      case "locationMessage":
        return location(new JsonFields(entry, type, null));
      default:
        throw new ProtocolException("Entries of a 'messages' list must be of type 'message' or 'locationMessage'");
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
}
