package chat.bench.scenario;

import chat.bench.probe.Pause;
import chat.bench.protocol.ChatEvents;
import chat.bench.protocol.ProtocolAdapter;
import chat.bench.ws.FrameHandler;
import chat.bench.ws.WsClient;
import chat.bench.ws.WsLoop;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * All simulated users on one {@link WsLoop}: connects them, joins them (paced by acks), tracks what every user
 * sees, and routes benchmark traffic to the running {@link Traffic}. Counters are written by the loop thread
 * only and read by the driving thread, hence volatile.
 */
final class Fleet implements ChatEvents, AutoCloseable {
  static final long JOIN_REF = 0;
  private static final int MAX_PENDING_CONNECTS = 64;

  private final WsLoop loop = new WsLoop();
  private final ProtocolAdapter adapter;
  private final FrameHandler handler;
  private final List<InetSocketAddress> nodes;
  private final Peer[] peers;
  private final RosterCheck rosterCheck = new RosterCheck();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private volatile Traffic traffic;
  private volatile int readyCount;
  private volatile int joinedCount;
  private volatile int completeRosters;
  private volatile long joinNotices;
  private long roomDataFrames;
  private int nextConnect;
  private int nextJoin;
  private int joinWindow;

  Fleet(ProtocolAdapter adapter, List<InetSocketAddress> nodes, int clients, int rooms) {
    this(adapter, nodes, clients, rooms, "room");
  }

  /**
   * Users spread over {@code rooms} rooms named {@code roomPrefix} + 0, 1, …; consecutive users share one. With
   * several server {@code nodes} (a cluster) the users are spread over them by {@link Peer#nodeOf}.
   */
  Fleet(ProtocolAdapter adapter, List<InetSocketAddress> nodes, int clients, int rooms, String roomPrefix) {
    this.adapter = adapter;
    this.handler = adapter.handler(this);
    this.nodes = List.copyOf(nodes);
    this.peers = new Peer[clients];
    int perRoom = (clients + rooms - 1) / rooms;
    for (int i = 0; i < clients; i++) {
      int room = i / perRoom;
      int base = room * perRoom;
      peers[i] = new Peer(i, base, Math.min(perRoom, clients - base), roomPrefix + room,
          Peer.nodeOf(room, i - base, nodes.size()));
    }
  }

  Peer[] peers() {
    return peers;
  }

  ProtocolAdapter adapter() {
    return adapter;
  }

  List<InetSocketAddress> nodes() {
    return nodes;
  }

  WsLoop loop() {
    return loop;
  }

  List<String> failures() {
    return failures;
  }

  void fail(String failure) {
    if (failures.size() < 100) {
      failures.add(failure);
    }
  }

  void traffic(Traffic value) {
    traffic = value;
  }

  long joinNotices() {
    return joinNotices;
  }

  /** Opens every connection, at most 64 handshakes at a time; returns the nanoseconds it took. */
  long connectAll(long timeoutMillis) {
    long start = System.nanoTime();
    loop.execute(() -> {
      for (int i = 0; i < MAX_PENDING_CONNECTS; i++) {
        connectNext();
      }
    });
    await(() -> readyCount == peers.length, timeoutMillis, "connect");
    return System.nanoTime() - start;
  }

  /**
   * Joins every user with at most {@code window} joins awaiting their ack (1 = one after another), then waits
   * until every user's latest roomData lists exactly its room. Returns the nanoseconds it took.
   */
  long joinAll(int window, long timeoutMillis) {
    long start = System.nanoTime();
    loop.execute(() -> {
      joinWindow = window;
      for (int i = 0; i < window; i++) {
        joinNext();
      }
    });
    await(() -> joinedCount == peers.length && completeRosters == peers.length, timeoutMillis, "join");
    return System.nanoTime() - start;
  }

  /** {@link #connectAll} then {@link #joinAll}; the nanoseconds both took, or -1 when either failed. */
  long connectAndJoin(int joinWindow, long timeoutMillis) {
    long connect = connectAll(timeoutMillis);
    if (!failures.isEmpty()) {
      return -1;
    }
    long join = joinAll(joinWindow, timeoutMillis);
    return failures.isEmpty() ? connect + join : -1;
  }

  /**
   * Opens a connection for {@code peer} to its (current) node; for a peer whose previous connection is gone, the
   * running traffic hears {@link Traffic#onReconnected} once it is open. Loop thread only.
   */
  void connect(Peer peer) {
    peer.client = loop.connect(nodes.get(peer.node), adapter.path(), handler);
    peer.client.attachment(peer);
  }

  /** Runs {@code action} on the loop thread and returns its result (waits up to 30 s). */
  <T> T onLoop(Supplier<T> action) {
    CompletableFuture<T> result = new CompletableFuture<>();
    loop.execute(() -> result.complete(action.get()));
    try {
      return result.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("loop did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** roomData frames received so far; read it on the loop thread or after the loop has quiesced. */
  long roomDataFrames() {
    return roomDataFrames;
  }

  boolean await(BooleanSupplier condition, long timeoutMillis, String phase) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail(phase + " timed out after " + timeoutMillis + " ms (ready " + readyCount + ", joined "
            + joinedCount + ", complete rosters " + completeRosters + " of " + peers.length + ")");
        return false;
      }
      if (!failures.isEmpty()) {
        return false; // the run has failed already; waiting longer tells nothing more
      }
      pause();
    }
    return true;
  }

  private static void pause() {
    if (!Pause.millis(2)) {
      throw new IllegalStateException("interrupted while waiting");
    }
  }

  private void connectNext() {
    if (nextConnect < peers.length) {
      connect(peers[nextConnect++]);
    }
  }

  private void joinNext() {
    if (nextJoin < peers.length) {
      Peer peer = peers[nextJoin++];
      adapter.join(peer.client, JOIN_REF, peer.username, peer.room);
    }
  }

  @Override
  public void onReady(WsClient client) {
    Peer peer = (Peer) client.attachment();
    if (peer != null && !peer.ready) {
      peer.ready = true;
      readyCount++;
      connectNext();
    } else if (peer != null) {
      traffic.onReconnected(peer);
    }
  }

  @Override
  public void onAck(WsClient client, long ref, boolean ok, long id) {
    Peer peer = (Peer) client.attachment();
    if (ref != JOIN_REF) {
      traffic.onAck(peer, ref, ok, id);
      return;
    }
    if (!ok) {
      fail("join refused for " + peer.username);
    } else if (!peer.joined) {
      peer.joined = true;
      joinedCount++;
      joinNext();
    }
  }

  @Override
  public void onResumeToken(WsClient client, String token) {
    ((Peer) client.attachment()).resumeToken = token;
  }

  @Override
  public void onMessage(WsClient client, long id, byte[] bytes, int textOffset, int textLength) {
    Peer peer = (Peer) client.attachment();
    Traffic current = traffic;
    if (textLength > 2 && bytes[textOffset] == 'b' && bytes[textOffset + 1] == ' ') {
      if (current == null) {
        fail("benchmark message outside a traffic phase");
      } else {
        current.onBenchMessage(peer, id, bytes, textOffset, textLength, client.readNanos());
      }
      return;
    }
    if (SystemTexts.isJoinNotice(bytes, textOffset, textLength)) {
      peer.joinNotices++;
      joinNotices++;
    }
    if (current != null) {
      current.onOtherText(peer, id, bytes, textOffset, textLength);
    }
  }

  /** Histories matter only to a traffic that asks for them; the others never look inside. */
  @Override
  public void onHistory(WsClient client, byte[] bytes, int offset, int length) {
    Traffic current = traffic;
    if (current != null) {
      current.onHistory((Peer) client.attachment(), bytes, offset, length, client.readNanos());
    }
  }

  @Override
  public void onRoomData(WsClient client, byte[] bytes, int offset, int length) {
    Peer peer = (Peer) client.attachment();
    roomDataFrames++;
    boolean complete = rosterCheck.isComplete(bytes, offset, length, peer.roomBase, peer.roomSize);
    if (complete != peer.rosterComplete) {
      peer.rosterComplete = complete;
      completeRosters += complete ? 1 : -1;
    }
  }

  @Override
  public void onProtocolError(WsClient client, String what) {
    fail("protocol error: " + what);
  }

  @Override
  public void onClosed(WsClient client, String reason) {
    Peer peer = (Peer) client.attachment();
    Traffic current = traffic;
    if (peer == null || current == null || !current.onClosed(peer, reason)) {
      fail("connection " + (peer == null ? "?" : peer.username) + " closed: " + reason);
    }
  }

  /** Closes every connection quietly (a closed connection is no failure any more). */
  @Override
  public void close() {
    traffic = null;
    loop.execute(() -> {
      for (Peer peer : peers) {
        if (peer.client != null) {
          peer.client.close();
        }
      }
    });
    loop.close();
  }
}
