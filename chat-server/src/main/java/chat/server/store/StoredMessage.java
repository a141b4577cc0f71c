package chat.server.store;

import chat.server.room.RoomMessage;

/** One numbered message of a room, as stored. */
public record StoredMessage(long id, RoomMessage message) {}
