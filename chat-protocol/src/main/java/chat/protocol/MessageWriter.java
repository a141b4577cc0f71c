package chat.protocol;

import chat.protocol.ClientMessage.Join;
import chat.protocol.ClientMessage.LoadHistory;
import chat.protocol.ClientMessage.SendLocation;
import chat.protocol.ClientMessage.SendMessage;
import chat.protocol.ServerMessage.Ack;
import chat.protocol.ServerMessage.ChatMessage;
import chat.protocol.ServerMessage.ErrorMessage;
import chat.protocol.ServerMessage.History;
import chat.protocol.ServerMessage.LocationMessage;
import chat.protocol.ServerMessage.RoomData;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * Writes the fields of one message object, {@code "type"} first, in the order docs/protocol.md shows; the
 * caller closes the object. Optional fields are left out when null, never written as null.
 */
final class MessageWriter {
  private MessageWriter() {}

  static void write(JsonWriter out, ClientMessage message) throws IOException {
    if (message instanceof Join join) {
      writeJoin(out, join);
    } else if (message instanceof SendMessage send) {
      begin(out, "sendMessage").name("ref").value(send.ref()).name("text").value(send.text());
      optional(out, "clientId", send.clientId());
    } else if (message instanceof SendLocation location) {
      begin(out, "sendLocation").name("ref").value(location.ref());
      out.name("latitude").value(location.latitude()).name("longitude").value(location.longitude());
      optional(out, "clientId", location.clientId());
    } else if (message instanceof LoadHistory load) {
      begin(out, "loadHistory").name("ref").value(load.ref());
      optional(out, "before", load.before());
      out.name("limit").value(load.limit());
    }
  }

  static void write(JsonWriter out, ServerMessage message) throws IOException {
    if (message instanceof Ack ack) {
      writeAck(out, ack);
    } else if (message instanceof ChatMessage chat) {
      writeChat(out, chat);
    } else if (message instanceof LocationMessage location) {
      writeLocation(out, location);
    } else if (message instanceof History history) {
      writeHistory(out, history);
    } else if (message instanceof RoomData roomData) {
      writeRoomData(out, roomData);
    } else if (message instanceof ErrorMessage error) {
      begin(out, "error").name("error").value(error.error());
    }
  }

  private static void writeJoin(JsonWriter out, Join join) throws IOException {
    begin(out, "join").name("ref").value(join.ref());
    out.name("username").value(join.username()).name("room").value(join.room());
    optional(out, "since", join.since());
    optional(out, "epoch", join.epoch());
    optional(out, "resumeToken", join.resumeToken());
  }

  private static void writeAck(JsonWriter out, Ack ack) throws IOException {
    // The error comes right after the ref: the bench's byte-level reader tells failures apart by it.
    begin(out, "ack").name("ref").value(ack.ref());
    optional(out, "error", ack.error());
    optional(out, "code", ack.code());
    optional(out, "retryAfterMs", ack.retryAfterMs());
    optional(out, "id", ack.id());
    optional(out, "resumeToken", ack.resumeToken());
  }

  private static void writeChat(JsonWriter out, ChatMessage chat) throws IOException {
    begin(out, "message");
    optional(out, "id", chat.id());
    out.name("username").value(chat.username()).name("text").value(chat.text());
    out.name("createdAt").value(chat.createdAt());
    if (chat.system()) {
      out.name("system").value(true);
    }
    optional(out, "clientId", chat.clientId());
  }

  private static void writeLocation(JsonWriter out, LocationMessage location) throws IOException {
    begin(out, "locationMessage").name("id").value(location.id());
    out.name("username").value(location.username());
    out.name("latitude").value(location.latitude()).name("longitude").value(location.longitude());
    out.name("url").value(location.url()).name("createdAt").value(location.createdAt());
    optional(out, "clientId", location.clientId());
  }

  /** Each entry is written exactly as its live frame, so clients read both with the same code. */
  private static void writeHistory(JsonWriter out, History history) throws IOException {
    begin(out, "history");
    optional(out, "ref", history.ref());
    out.name("room").value(history.room()).name("epoch").value(history.epoch()).name("messages").beginArray();
    for (ServerMessage entry : history.messages()) {
      if (entry instanceof ChatMessage chat) {
        writeChat(out, chat);
      } else {
        writeLocation(out, (LocationMessage) entry);
      }
      out.endObject();
    }
    out.endArray().name("hasMore").value(history.hasMore());
    if (history.recovered() != null) {
      out.name("recovered").value(history.recovered());
    }
  }

  private static void writeRoomData(JsonWriter out, RoomData roomData) throws IOException {
    begin(out, "roomData").name("room").value(roomData.room()).name("users").beginArray();
    for (RoomUser user : roomData.users()) {
      out.beginObject().name("username").value(user.username()).endObject();
    }
    out.endArray();
  }

  private static void optional(JsonWriter out, String name, String value) throws IOException {
    if (value != null) {
      out.name(name).value(value);
    }
  }

  private static void optional(JsonWriter out, String name, Long value) throws IOException {
    if (value != null) {
      out.name(name).value(value.longValue());
    }
  }

  private static JsonWriter begin(JsonWriter out, String type) throws IOException {
    return out.beginObject().name("type").value(type);
  }
}
