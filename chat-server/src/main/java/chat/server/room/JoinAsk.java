package chat.server.room;

/** What a join asks for besides the seat: its ref, and where the client's history left off (both optional). */
record JoinAsk(long ref, Long since, String epoch) {}
