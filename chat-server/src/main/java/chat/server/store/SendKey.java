package chat.server.store;

/** A send as de-duplication knows it: who (by name key) sent which client id to which room. */
public record SendKey(String room, String userKey, String clientId) {}
