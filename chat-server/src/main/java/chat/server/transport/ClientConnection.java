package chat.server.transport;

import chat.server.room.Session;

/**
 * What the server keeps with each open connection: its place in the chat, the peer it is written through (kept
 * here so the transport never downcasts the session's {@code Peer}), and its allowance of frames.
 */
record ClientConnection(Session session, WebSocketPeer peer, FloodGuard floodGuard) {}
