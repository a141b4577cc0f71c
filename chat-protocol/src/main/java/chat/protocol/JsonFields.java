package chat.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.regex.Pattern;

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

  /**
   * An optional integer within the range, null when absent or JSON null. Anything else fails with "Field 'x'
   * must be …": the range's {@code notInteger} text for a value that is no (safe) integer, its {@code outOfRange}
   * text for an integer outside it, so that the sender reads the whole rule either way.
   */
  Long optionalInteger(String name, Range range) throws ProtocolException {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      throw broken(name, range.notInteger());
    }
    double number = value.getAsDouble();
    if (number != Math.rint(number) || Math.abs(number) > MAX_SAFE_INTEGER) {
      throw broken(name, range.notInteger());
    }
    if (number < range.min() || number > range.max()) {
      throw broken(name, range.outOfRange());
    }
    return (long) number;
  }

  /** An optional string, null when absent or JSON null; a value of another JSON type fails. */
  String optionalString(String name) throws ProtocolException {
    JsonPrimitive value = primitive(name, "a string");
    if (value == null) {
      return null;
    }
    if (!value.isString()) {
      throw wrongType(name, "a string");
    }
    return value.getAsString();
  }

  /** An optional string matching the pattern entirely; anything else fails with "Field 'x' must be " + rule. */
  String optionalString(String name, Pattern pattern, String rule) throws ProtocolException {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()
        || !pattern.matcher(value.getAsString()).matches()) {
      throw broken(name, rule);
    }
    return value.getAsString();
  }

  boolean requiredBoolean(String name) throws ProtocolException {
    Boolean value = nullableBoolean(name);
    if (value == null) {
      throw missing(name);
    }
    return value;
  }

  /** An optional boolean whose absence means something else than false: null when absent or JSON null. */
  Boolean nullableBoolean(String name) throws ProtocolException {
    JsonPrimitive value = primitive(name, "true or false");
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      throw wrongType(name, "true or false");
    }
    return value.getAsBoolean();
  }

  /** An optional flag: false when absent or JSON null. */
  boolean optionalBoolean(String name) throws ProtocolException {
    return Boolean.TRUE.equals(nullableBoolean(name));
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

  private ProtocolException broken(String name, String rule) {
    return new ProtocolException("Field '" + name + "' must be " + rule, ref);
  }

  private ProtocolException missing(String name) {
    return new ProtocolException("Field '" + name + "' is required in a '" + type + "' message", ref);
  }

  private ProtocolException wrongType(String name, String expected) {
    return new ProtocolException(
        "Field '" + name + "' of a '" + type + "' message must be " + expected, ref);
  }

  /** The integers a field accepts, and how to say so. */
  record Range(long min, long max, String notInteger, String outOfRange) {}
}
