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
  /**
   * The server node it connects to: 0 unless the server is a cluster (see {@link #nodeOf}); a user whose node
   * was killed moves to another one.
   */
  int node;
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

  Peer(int index, int roomBase, int roomSize, String room, int node) {
    this.index = index;
    this.username = nameOf(index);
    this.room = room;
    this.roomBase = roomBase;
    this.roomSize = roomSize;
    this.node = node;
  }

  /**
   * The node of the {@code position}-th member of room number {@code room}, of {@code nodes}: a room's members
   * alternate between the nodes, and each room starts one node further on. A room's first members are its
   * senders, so with one sender per room the rooms' senders are spread over the nodes too, not all on the first.
   */
  static int nodeOf(int room, int position, int nodes) {
    return (room + position) % nodes;
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
