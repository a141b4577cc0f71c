package chat.bench.scenario;

import chat.bench.ws.WsClient;

/** One simulated user: its place in a room and what it has seen. Touched only on the loop thread. */
final class Peer {
  final int index;
  final String username;
  final String room;
  /** Index of the room's first peer; a room's peers are consecutive. */
  final int roomBase;
  final int roomSize;
  WsClient client;
  boolean ready;
  boolean joined;
  boolean rosterComplete;
  int joinNotices;
  /** Highest seq seen per sender of this room (by sender's position in the room); null while not tracking. */
  int[] lastSeq;
  int sent;
  int acked;
  /** The latest join ack's token (protocol v2), for coming back after a lost connection; null before. */
  String resumeToken;

  Peer(int index, int roomBase, int roomSize, String room) {
    this.index = index;
    this.username = nameOf(index);
    this.room = room;
    this.roomBase = roomBase;
    this.roomSize = roomSize;
  }

  /** Fixed width, so that every roomData entry has the same length (see {@link RosterCheck}). */
  static String nameOf(int index) {
    return String.format("u%06d", index);
  }

  /** Its position in its room: 0 for the room's first peer. */
  int position() {
    return index - roomBase;
  }
}
