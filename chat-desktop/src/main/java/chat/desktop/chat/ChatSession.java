package chat.desktop.chat;

import chat.desktop.net.ChatConnection;

/** A connection that has joined a room, handed from the join dialog to the chat window. */
public record ChatSession(ChatConnection connection, String username, String room, String serverAddress) {}
