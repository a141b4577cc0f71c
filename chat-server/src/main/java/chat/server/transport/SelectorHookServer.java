package chat.server.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.SocketChannelIOHelper;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.WrappedByteChannel;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.server.DefaultWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/**
 * Java-WebSocket 1.6.0's server with the two hooks the write path needs: a call <b>at the end of each pass</b> of
 * the selector over its ready sockets, and {@link #runOnSelector(Runnable)}; and {@link #refuse}, which answers a
 * refused handshake with a status of the server's choosing instead of the library's 404. Every reliance on how
 * the library behaves inside (none of it documented) is in this class; docs/decisions/0011-one-write-path.md lists each with
 * the upstream code, and SelectorHookServerTest pins each.
 *
 * <ul>
 *   <li><b>Decoding on the selector thread.</b> Each socket's channel ({@link HookedChannel}) decodes what it reads
 *       right there, with the public {@link WebSocketImpl#decode}, and tells the library it read nothing: the
 *       library then gives its read buffer straight back to its pool and skips its decoder thread.
 *   <li><b>The pass end.</b> The first read of a pass reports its bytes instead, and asks for a "read more": the
 *       library queues the (already decoded) buffer through {@link #queue} and calls {@code readMore} once its
 *       pass over the selected keys is done. That call is the pass end; it also clears the selected-key set,
 *       which the library only prunes for reads that reported data. The one buffer per pass goes back to the
 *       pool through the library's own decoder thread ({@link IdleConnection} decodes nothing), a few passes'
 *       buffers at a time.
 *   <li><b>The wake.</b> A pipe is registered on the library's selector beside the sockets, with an
 *       {@link IdleConnection} whose channel ({@link WakeChannel}) runs the queued tasks when the selector reads
 *       it. One byte wakes the selector, once per batch of tasks. The pipe is registered when the first socket
 *       is accepted (the library shows its selector only through a connection's key); before that, and after
 *       the selector stopped, {@link #runOnSelector} says so and the caller falls back.
 *   <li><b>The refusal.</b> A handshake refused by throwing from {@code onWebsocketHandshakeReceivedAsServer}
 *       gets the library's canned 404, queued as the connection's only buffer, and its socket is left open. The
 *       socket's channel writes the server's own answer ({@link HandshakeRefusal}) in that buffer's place and
 *       then closes the connection, as the answer's {@code Connection: close} says.
 * </ul>
 */
abstract class SelectorHookServer extends WebSocketServer implements SelectorLoop {
  /**
   * The library's decoder threads. They only size its pool of read buffers (2 per decoder + 1, filled at start):
   * one of them takes back the buffers of the reads that claimed their pass ends, {@link #RETURN_BATCH} at a
   * time, and the others never get work.
   */
  static final int DECODERS = 3;
  /** The read buffers the library pools with {@link #DECODERS} decoders (internal 3). */
  static final int POOLED_BUFFERS = 2 * DECODERS + 1;
  /**
   * Claimed buffers handed back together: the decoder thread is woken once per this many passes, not per pass,
   * and the pool's other buffers let the selector go on while it catches up.
   */
  static final int RETURN_BATCH = 4;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private final StagedWriter writer = new StagedWriter();
  private final IdleConnection bufferReturn = new IdleConnection(this);
  /** Selector thread only: claimed buffers waiting to be handed back. */
  private final List<ByteBuffer> returning = new ArrayList<>(RETURN_BATCH);
  private final Pipe wakePipe;
  private volatile Thread selectorThread;
  private volatile boolean wakeInstalled;
  private volatile boolean stopped;
  /** Selector thread only. */
  private final List<Runnable> passEndTasks = new ArrayList<>();
  /** Selector thread only. */
  private boolean passEndClaimed;
  private int readsThisPass;
  /** Passes ended so far: the stall guard tells a forgotten frame from a selector busy in one long pass. */
  private volatile long passesEnded;

  protected SelectorHookServer(InetSocketAddress address, List<Draft> drafts) {
    super(address, DECODERS, drafts);
    try {
      wakePipe = Pipe.open();
      wakePipe.source().configureBlocking(false);
      wakePipe.sink().configureBlocking(false);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot open the selector's wake pipe: " + e.getMessage(), e);
    }
    setWebSocketFactory(new HookedFactory());
  }

  /** Runs on the selector thread at the end of a pass that read {@code reads} frames' worth of data (0: a wake). */
  protected abstract void passEnded(int reads);

  /** Runs on the selector thread for each accepted socket, before its handshake. */
  protected abstract void accepted(WebSocketImpl connection);

  /** Runs on the selector thread once it is ready, before the first accept. */
  protected abstract void selectorStarted();

  /** A task or a decode failed in a way no client input should cause. */
  protected abstract void unexpectedFailure(String what, RuntimeException error);

  /** Selector thread: {@code bytes} were read from a socket, or written to one (for the metrics; no-ops here). */
  protected void bytesRead(int bytes) {}

  protected void bytesWritten(int bytes) {}

  @Override
  public final void onStart() {
    selectorThread = Thread.currentThread();
    fillBufferPool();
    selectorStarted();
  }

  /**
   * The library adds a buffer to its pool per accepted socket until the pool is full; filled now, a first
   * connection's passes can hold {@link #RETURN_BATCH} buffers back without running the pool dry.
   */
  private void fillBufferPool() {
    try {
      for (int i = 0; i < POOLED_BUFFERS; i++) {
        allocateBuffers(null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stopping before the first pass
    }
  }

  @Override
  public final boolean isSelectorThread() {
    return Thread.currentThread() == selectorThread;
  }

  @Override
  public final int readsThisPass() {
    return readsThisPass;
  }

  @Override
  public final long passesEnded() {
    return passesEnded;
  }

  /** Tasks run from the wake pipe's read: between two sockets' reads, never inside one. */
  @Override
  public final boolean runOnSelector(Runnable task) {
    if (!wakeInstalled || stopped) {
      return false;
    }
    tasks.add(task);
    wake();
    return true;
  }

  /**
   * Selector thread only: runs the tasks handed over so far ({@link #runOnSelector}), then {@code task}, at
   * once: in the order they were handed over, without waiting for the wake pipe's read.
   */
  public final void runAfterHandedOver(Runnable task) {
    runTasks();
    runTask(task);
  }

  /**
   * Selector thread only: runs {@code task} once the pass under way ends, before its writes. Every piece of work
   * on the selector thread is part of a pass (a read of ready sockets, or of the wake pipe), so one always ends.
   */
  public final void atPassEnd(Runnable task) {
    passEndTasks.add(task);
  }

  @Override
  public final void armWrite(WebSocketImpl connection) {
    if (!stopped) {
      onWriteDemand(connection);
    }
  }

  /**
   * Call from {@code onWebsocketHandshakeReceivedAsServer} and throw what it returns: the client gets
   * {@code refusal}'s HTTP answer, not the library's 404, and the socket closes once it is written (internal 7).
   */
  protected final InvalidDataException refuse(WebSocket connection, HandshakeRefusal refusal) {
    if (((WebSocketImpl) connection).getChannel() instanceof HookedChannel channel) {
      channel.refuseWith(refusal.httpResponse());
    }
    return new InvalidDataException(refusal.closeCode(), refusal.reason());
  }

  /** After this, tasks are refused: the selector is about to close. */
  final void stopHooks() {
    stopped = true;
  }

  /** Puts a frame on the connection's send queue, the one queue its socket is written from (internal 5). */
  static void enqueue(WebSocketImpl connection, ByteBuffer frame) {
    connection.outQueue.add(frame);
  }

  /** The connection's send queue, to look at (its head, its bytes); frames go in through {@link #enqueue}. */
  static Queue<ByteBuffer> sendQueue(WebSocketImpl connection) {
    return connection.outQueue;
  }

  /** Forgets what waits for a connection that will not be written to any more. */
  static void discardQueued(WebSocketImpl connection) {
    connection.outQueue.clear();
  }

  /**
   * Selector thread: writes what is queued, as the library's own write does (and closes after a flush-and-close);
   * false when the socket is full and frames are left.
   */
  static boolean writeQueued(WebSocketImpl connection) throws IOException {
    return SocketChannelIOHelper.batch(connection, connection.getChannel());
  }

  /** Once the selector has stopped. */
  final void closeWakePipe() {
    try {
      wakePipe.source().close();
      wakePipe.sink().close();
    } catch (IOException e) {
      // closing a pipe nobody reads any more: nothing to do about a failure
    }
  }

  @Override
  protected final void queue(WebSocketImpl connection) throws InterruptedException {
    ByteBuffer decoded = connection.inQueue.poll();
    if (decoded == null) {
      return;
    }
    returning.add(decoded);
    if (returning.size() == RETURN_BATCH) {
      for (ByteBuffer buffer : returning) {
        bufferReturn.inQueue.put(buffer);
        decoders.get(0).put(bufferReturn); // the decoder, once woken, takes the rest without waiting
      }
      returning.clear();
    }
  }

  private void wake() {
    if (wakePending.compareAndSet(false, true)) {
      try {
        wakePipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
      } catch (IOException e) {
        wakePending.set(false); // the pipe is closed: the server is stopping
      }
    }
  }

  private void installWake(SelectionKey anyKey) {
    if (wakeInstalled) {
      return;
    }
    IdleConnection wakeConnection = new IdleConnection(this);
    wakeConnection.setChannel(new WakeChannel());
    try {
      wakePipe.source().register(anyKey.selector(), SelectionKey.OP_READ, wakeConnection);
      wakeInstalled = true;
    } catch (IOException e) {
      unexpectedFailure("Registering the wake pipe", new IllegalStateException(e));
    }
  }

  /** Selector thread, after a read that got data: true for the first in the pass, which then reports it. */
  private boolean claimPassEnd() {
    readsThisPass++;
    if (passEndClaimed) {
      return false;
    }
    passEndClaimed = true;
    return true;
  }

  private void endPass() {
    int reads = readsThisPass;
    readsThisPass = 0;
    passesEnded++; // written by this thread only
    passEndClaimed = false;
    for (int i = 0; i < passEndTasks.size(); i++) { // a task may add another: it runs in this pass end too
      try {
        passEndTasks.get(i).run();
      } catch (RuntimeException e) {
        unexpectedFailure("A pass-end task", e);
      }
    }
    passEndTasks.clear();
    passEnded(reads);
  }

  private void runTasks() {
    for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
      runTask(task);
    }
  }

  private void runTask(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      unexpectedFailure("A task on the selector thread", e);
    }
  }

  /** Makes every connection, and wraps each accepted socket in a {@link HookedChannel}. */
  private final class HookedFactory implements WebSocketServerFactory {
    private final DefaultWebSocketServerFactory connections = new DefaultWebSocketServerFactory();

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
      return connections.createWebSocket(adapter, draft);
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
      return connections.createWebSocket(adapter, drafts);
    }

    @Override
    public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
      installWake(key);
      WebSocketImpl connection = (WebSocketImpl) key.attachment();
      accepted(connection);
      return new HookedChannel(channel, connection);
    }

    @Override
    public void close() {
      connections.close();
    }
  }

  /** A socket as the selector sees it: decodes what it reads, claims the pass end, writes in one system call. */
  private final class HookedChannel implements WrappedByteChannel {
    private final SocketChannel socket;
    private final WebSocketImpl connection;
    private boolean claimed;
    /** The answer to write instead of the library's canned 404, once the handshake is refused. */
    private ByteBuffer refusal;

    HookedChannel(SocketChannel socket, WebSocketImpl connection) {
      this.socket = socket;
      this.connection = connection;
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
      int read;
      try {
        read = socket.read(buffer);
      } catch (IOException e) {
        wake(); // the library ends this pass early on it: the next one must come
        throw e;
      }
      if (read <= 0) {
        if (read < 0) {
          wake();
        }
        return read;
      }
      bytesRead(read);
      buffer.flip();
      decode(buffer);
      if (!connection.getSelectionKey().isValid()) {
        wake(); // closed while decoding: the library's next look at the key ends the pass early
        return 0;
      }
      if (!claimPassEnd()) {
        return 0;
      }
      claimed = true;
      buffer.limit(buffer.capacity()).position(read); // as just read: the library flips it and queues it
      return read;
    }

    private void decode(ByteBuffer buffer) {
      try {
        connection.decode(buffer);
      } catch (RuntimeException e) {
        // The library turns handler failures into onError itself; this is a failure of the library.
        unexpectedFailure("Decoding a frame from " + connection.getRemoteSocketAddress(), e);
        connection.closeConnection(CloseFrame.ABNORMAL_CLOSE, "Server error");
      }
    }

    @Override
    public boolean isNeedRead() {
      return claimed;
    }

    /** Called once the pass over the selected keys is done: the pass end. Nothing is read here. */
    @Override
    public int readMore(ByteBuffer buffer) {
      claimed = false;
      SelectionKey key = connection.getSelectionKey();
      if (key != null) {
        key.selector().selectedKeys().clear();
      }
      endPass();
      return 0;
    }

    /** Selector thread (the handshake is decoded there), before the library queues its 404. */
    void refuseWith(ByteBuffer response) {
      refusal = response;
    }

    @Override
    public int write(ByteBuffer head) throws IOException {
      if (refusal != null) {
        return writeRefusal(head);
      }
      if (!head.hasRemaining()) {
        return 0; // sent by an earlier staged write
      }
      int written = writer.write(socket, connection.outQueue, head);
      bytesWritten(written);
      return written;
    }

    /**
     * {@code cannedNotFound} is the library's 404, the refused connection's only buffer: consumed unwritten once
     * the refusal is out. The library closes a flushed connection only when a draft was agreed, never for a
     * refused handshake, so the close is done here (with the code it recorded from the refusal).
     */
    private int writeRefusal(ByteBuffer cannedNotFound) throws IOException {
      int written = socket.write(refusal);
      bytesWritten(written);
      if (!refusal.hasRemaining()) {
        cannedNotFound.position(cannedNotFound.limit());
        if (connection.isFlushAndClose()) {
          connection.closeConnection();
        }
      }
      return written;
    }

    @Override
    public boolean isNeedWrite() {
      return false;
    }

    @Override
    public void writeMore() {
      // nothing is ever left over between writes
    }

    @Override
    public boolean isBlocking() {
      return socket.isBlocking();
    }

    @Override
    public boolean isOpen() {
      return socket.isOpen();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** The wake pipe's end, read by the selector when a task was queued: runs the tasks, then ends the pass. */
  private final class WakeChannel implements ByteChannel {
    private final ByteBuffer drain = ByteBuffer.allocate(64);

    @Override
    public int read(ByteBuffer ignored) throws IOException {
      // Drained on every visit, flag or not: a waker's byte may land after the flag was reset, and a byte left in
      // the pipe would keep the selector from ever blocking. (The key also stays selected until a pass end
      // clears the set, so this is asked on some passes without a wake: one empty read then.)
      while (wakePipe.source().read(drain.clear()) > 0) {
        // a byte per wake; all of them mean the same
      }
      wakePending.set(false); // before running: a task queued from now on wakes again
      runTasks();
      if (!passEndClaimed) {
        endPass(); // a pass that read nothing ends here; one that read ends after its keys, as usual
      }
      return 0;
    }

    @Override
    public int write(ByteBuffer source) {
      throw new UnsupportedOperationException("the wake pipe is only read");
    }

    @Override
    public boolean isOpen() {
      return wakePipe.source().isOpen();
    }

    @Override
    public void close() {
      closeWakePipe();
    }
  }

  /** A connection that is never opened: the wake pipe's, and the vehicle that gives read buffers back. */
  private static final class IdleConnection extends WebSocketImpl {
    IdleConnection(WebSocketServer server) {
      super(server, new Draft_6455());
    }

    @Override
    public void decode(ByteBuffer buffer) {
      // already decoded on the selector thread; the decoder thread only returns the buffer to the pool
    }
  }
}
