package chat.server.transport;

import chat.server.room.Session;

/** What the server keeps with each open connection: its place in the chat and its allowance of frames. */
record ClientConnection(Session session, FloodGuard floodGuard) {}
