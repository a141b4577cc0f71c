package chat.server.store;

/**
 * A room as the store knows it. {@code epoch} names its id sequence (it changes only when history was lost);
 * {@code lastId} is the last id ever given (0 for none), never lowered, not even when pruning deletes every
 * message; {@code firstId} is the lowest id still retained ({@code lastId + 1} when none is).
 */
public record RoomState(String room, String epoch, long lastId, long firstId) {}
