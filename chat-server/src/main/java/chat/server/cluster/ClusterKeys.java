package chat.server.cluster;

import java.nio.charset.StandardCharsets;

/**
 * Every Redis key and channel the cluster uses, under one prefix. A room's name goes in with its length in
 * front ({@code room:5:lobby:log}), so no room name, whatever its characters, can spell another room's key.
 * What each key holds, and what bounds it, is in docs/decisions/0016-cluster-through-redis.md.
 */
final class ClusterKeys {
  private final String prefix;

  ClusterKeys(String prefix) {
    this.prefix = prefix;
  }

  /** The prefix itself, for scripts that name keys of seats they find (reap.lua). */
  String prefix() {
    return prefix;
  }

  /** Hash: {@code epoch}, {@code last} (the last id given out). Expires with the history. */
  String room(String room) {
    return prefix + "room:" + room.getBytes(StandardCharsets.UTF_8).length + ":" + room;
  }

  /** Stream of the room's messages, entry id {@code <id>-1}, bounded by the history limit. */
  String log(String room) {
    return room(room) + ":log";
  }

  /** Hash: name key to the name as typed, one per seat. */
  String names(String room) {
    return room(room) + ":names";
  }

  /** Sorted set: name key by seat position (join order). */
  String order(String room) {
    return room(room) + ":order";
  }

  /** Hash: name key to the node holding the seat, empty while a dead node's seat is held for its user. */
  String owners(String room) {
    return room(room) + ":owner";
  }

  /** Hash: name key to the SHA-256 of the seat's current resume token. */
  String tokens(String room) {
    return room(room) + ":token";
  }

  /** Counter: bumped by every change of the room's seats, so nodes keep the newest user list. */
  String presenceVersion(String room) {
    return room(room) + ":pver";
  }

  /** Channel: the room's messages ({@code m}) and seat changes ({@code p}, {@code v}). */
  String events(String room) {
    return room(room) + ":events";
  }

  /** String with a TTL of the de-duplication window: the id a sender's client id got. */
  String send(String room, String userKey, String clientId) {
    return room(room) + ":send:" + userKey.length() + ":" + userKey + ":" + clientId;
  }

  /** Hash: room name to its number of seats, for /api/rooms. */
  String headcounts() {
    return prefix + "rooms";
  }

  /** Counter: seat positions, cluster-wide. */
  String positions() {
    return prefix + "positions";
  }

  /** Sorted set: live node ids by their last heartbeat (epoch ms). */
  String nodes() {
    return prefix + "nodes";
  }

  /** String with a short TTL: the node is alive while it exists. */
  String heartbeat(String nodeId) {
    return prefix + "node:" + nodeId;
  }

  /** Set of {@code room \n key}: the seats a node holds. */
  String nodeSeats(String nodeId) {
    return heartbeat(nodeId) + ":seats";
  }

  /** String with a TTL: the node was declared dead (a stalled node that wakes finds it). */
  String dead(String nodeId) {
    return prefix + "dead:" + nodeId;
  }

  /** Sorted set of {@code room \n key}: dead nodes' seats held for their users, by the end of the grace. */
  String held() {
    return prefix + "held";
  }

  /** Marks a claim its node gave up on, so that the claim does nothing should Redis run it after all. */
  String withdrawnClaim(String nonce) {
    return prefix + "withdrawn:" + nonce;
  }

  /** The room a channel of {@link #events} belongs to, or null for another channel. */
  String roomOfChannel(String channel) {
    String start = prefix + "room:";
    if (!channel.startsWith(start) || !channel.endsWith(":events")) {
      return null;
    }
    String rest = channel.substring(start.length(), channel.length() - ":events".length());
    int colon = rest.indexOf(':');
    return colon < 0 ? null : rest.substring(colon + 1);
  }
}
