package chat.server.room;

/** A join that passed validation: the trimmed display name and the room's lower-cased name. */
record JoinRequest(String username, String room) {}
