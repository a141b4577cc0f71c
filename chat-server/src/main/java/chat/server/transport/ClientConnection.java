package chat.server.transport;

import chat.server.room.Session;

/** What the server keeps with each open connection: its place in the chat, its peer and its allowance of frames. */
record ClientConnection(Session session, WebSocketPeer peer, FloodGuard floodGuard) {}
