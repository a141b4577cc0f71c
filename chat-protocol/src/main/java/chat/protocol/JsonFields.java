package chat.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Typed, strict reads of one decoded JSON object's fields, failing with messages a sender can act on. */
final class JsonFields {
  /** Integers beyond 2^53 - 1 lose precision in JavaScript clients, so refs and ids stay below it. */
  static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

  private final JsonObject object;
  private final String type;
  private final Long ref;

  JsonFields(JsonObject object, String type, Long ref) {
    this.object = object;
    this.type = type;
    this.ref = ref;
  }

  String requiredString(String name) throws ProtocolException {
    JsonPrimitive value = primitive(name, "a string");
    if (value == null) {
      throw missing(name);
    }
    if (!value.isString()) {
      throw wrongType(name, "a string");
    }
    return value.getAsString();
  }

  double requiredNumber(String name) throws ProtocolException {
    JsonPrimitive value = primitive(name, "a number");
    if (value == null) {
      throw missing(name);
    }
    if (!value.isNumber()) {
      throw wrongType(name, "a number");
    }
    return value.getAsDouble();
  }

  long requiredInteger(String name) throws ProtocolException {
    Long value = optionalInteger(name);
    if (value == null) {
      throw missing(name);
    }
    return value;
  }

  Long optionalInteger(String name) throws ProtocolException {
    JsonPrimitive value = primitive(name, "an integer");
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      throw wrongType(name, "an integer");
    }
    double number = value.getAsDouble();
    if (number != Math.rint(number) || Math.abs(number) > MAX_SAFE_INTEGER) {
      throw wrongType(name, "an integer between -" + MAX_SAFE_INTEGER + " and " + MAX_SAFE_INTEGER);
    }
    return (long) number;
  }

  boolean optionalBoolean(String name) throws ProtocolException {
    JsonPrimitive value = primitive(name, "true or false");
    if (value == null) {
      return false;
    }
    if (!value.isBoolean()) {
      throw wrongType(name, "true or false");
    }
    return value.getAsBoolean();
  }

  Iterable<JsonElement> requiredArray(String name) throws ProtocolException {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      throw missing(name);
    }
    if (!value.isJsonArray()) {
      throw wrongType(name, "an array");
    }
    return value.getAsJsonArray();
  }

  /** The named field as a primitive, null when absent or JSON null. */
  private JsonPrimitive primitive(String name, String expected) throws ProtocolException {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive()) {
      throw wrongType(name, expected);
    }
    return value.getAsJsonPrimitive();
  }

  private ProtocolException missing(String name) {
    return new ProtocolException("Field '" + name + "' is required in a '" + type + "' message", ref);
  }

  private ProtocolException wrongType(String name, String expected) {
    return new ProtocolException(
        "Field '" + name + "' of a '" + type + "' message must be " + expected, ref);
  }
}
