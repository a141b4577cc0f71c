package chat.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one entry point between protocol records and JSON text: one JSON object per WebSocket text frame, its
 * {@code "type"} label mapped explicitly to a record (never a class name). Decoding is strict and fails only
 * with {@link ProtocolException}; fields it does not know are ignored so the protocol can grow. Thread-safe.
 */
public final class ProtocolCodec {
  /** Deep nesting is never valid here; a low cap keeps hostile frames cheap to reject. */
  private static final int NESTING_LIMIT = 16;
  private static final Pattern POSITION = Pattern.compile("at line \\d+ column \\d+");

  private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();
  private final TypeAdapter<JsonElement> elements = gson.getAdapter(JsonElement.class);
  private final ClientMessageReader clientReader = new ClientMessageReader();
  private final ServerMessageReader serverReader = new ServerMessageReader();

  public ClientMessage decodeClient(String json) throws ProtocolException {
    JsonObject object = parseObject(json);
    return clientReader.read(object, typeOf(object), refOf(object));
  }

  public ServerMessage decodeServer(String json) throws ProtocolException {
    JsonObject object = parseObject(json);
    return serverReader.read(object, typeOf(object));
  }

  public ActiveRooms decodeRooms(String json) throws ProtocolException {
    JsonFields fields = new JsonFields(parseObject(json), "rooms", null);
    List<ActiveRooms.Room> rooms = new ArrayList<>();
    for (JsonElement element : fields.requiredArray("rooms")) {
      JsonFields room = new JsonFields(asObject(element, "rooms"), "rooms", null);
      rooms.add(new ActiveRooms.Room(room.requiredString("name"), (int) room.requiredInteger("users")));
    }
    return new ActiveRooms(rooms);
  }

  public String encode(ClientMessage message) {
    return write(out -> MessageWriter.write(out, message));
  }

  public String encode(ServerMessage message) {
    return write(out -> MessageWriter.write(out, message));
  }

  public String encodeRooms(ActiveRooms rooms) {
    return write(out -> {
      out.beginObject().name("rooms").beginArray();
      for (ActiveRooms.Room room : rooms.rooms()) {
        out.beginObject().name("name").value(room.name()).name("users").value(room.users()).endObject();
      }
      out.endArray();
    });
  }

  /** Runs a body that writes the fields of one object; closes the object. */
  private String write(Body body) {
    StringBuilderWriter text = new StringBuilderWriter(128);
    try (JsonWriter out = gson.newJsonWriter(text)) {
      body.write(out);
      out.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return text.toString();
  }

  private JsonObject parseObject(String json) throws ProtocolException {
    if (json == null || json.isBlank()) {
      throw new ProtocolException("Empty frame: expected a JSON object");
    }
    try (JsonReader reader = new JsonReader(new StringReader(json))) {
      reader.setStrictness(Strictness.STRICT);
      reader.setNestingLimit(NESTING_LIMIT);
      if (reader.peek() != JsonToken.BEGIN_OBJECT) {
        throw new ProtocolException("Expected a JSON object");
      }
      JsonObject object = readObject(reader);
      requireEnd(reader);
      return object;
    } catch (ProtocolException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // Gson reports syntax errors (and nesting past the limit) as IOExceptions or JsonParseExceptions.
      throw new ProtocolException("Malformed JSON" + position(e.getMessage()));
    }
  }

  private static void requireEnd(JsonReader reader) throws ProtocolException {
    try {
      if (reader.peek() == JsonToken.END_DOCUMENT) {
        return;
      }
    } catch (IOException e) {
      // Strict mode reports a second value as a syntax error; to the sender it is the same thing.
    }
    throw new ProtocolException("Unexpected content after the JSON object");
  }

  /** Reads the top-level object by hand so that duplicate keys are refused rather than silently overwritten. */
  private JsonObject readObject(JsonReader reader) throws IOException, ProtocolException {
    JsonObject object = new JsonObject();
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      if (object.has(name)) {
        throw new ProtocolException("Duplicate field '" + name + "'");
      }
      object.add(name, elements.read(reader));
    }
    reader.endObject();
    return object;
  }

  private static String typeOf(JsonObject object) throws ProtocolException {
    JsonElement type = object.get("type");
    if (type == null || type.isJsonNull()) {
      throw new ProtocolException("Field 'type' is required", refOrNull(object));
    }
    if (!type.isJsonPrimitive() || !type.getAsJsonPrimitive().isString()) {
      throw new ProtocolException("Field 'type' must be a string", refOrNull(object));
    }
    return type.getAsString();
  }

  /** The ref, or null when absent; a malformed ref is an error that cannot be acked. */
  private static Long refOf(JsonObject object) throws ProtocolException {
    return new JsonFields(object, "request", null).optionalInteger("ref");
  }

  private static Long refOrNull(JsonObject object) {
    try {
      return refOf(object);
    } catch (ProtocolException e) {
      return null;
    }
  }

  static JsonObject asObject(JsonElement element, String type) throws ProtocolException {
    if (!element.isJsonObject()) {
      throw new ProtocolException("Entries of a '" + type + "' list must be objects");
    }
    return element.getAsJsonObject();
  }

  /** Gson's messages suggest its own lenient mode; a sender only needs to know where the problem is. */
  private static String position(String message) {
    Matcher where = POSITION.matcher(message == null ? "" : message);
    return where.find() ? " (" + where.group() + ")" : "";
  }

  @FunctionalInterface
  private interface Body {
    void write(JsonWriter out) throws IOException;
  }
}
