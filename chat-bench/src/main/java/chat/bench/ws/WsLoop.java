package chat.bench.ws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One selector thread driving every client connection. All client state is touched only on this thread, so
 * nothing on the receive path locks; other threads hand work over with {@link #execute(Runnable)}. One shared
 * read buffer serves all connections, which keeps an idle client down to its socket and a few small objects.
 */
public final class WsLoop implements AutoCloseable {
  /** Large enough for a whole roomData frame of several thousand users. */
  private static final int READ_BUFFER_BYTES = 1 << 20;

  private final Selector selector;
  private final Thread thread;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
  private final FrameWriter writer = new FrameWriter();
  private volatile boolean running = true;
  private ScheduledExecutorService timer;

  public WsLoop() {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(this::run, "ws-loop");
    thread.setDaemon(true);
    thread.start();
  }

  /** Runs a task on the loop thread, soon. */
  public void execute(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  /**
   * Runs a task on the loop thread once {@link System#nanoTime()} reaches {@code dueNanos}, or soon after; any
   * thread. A timer thread parks until then (to within tens of microseconds; the selector's own timeout counts
   * in whole milliseconds) and hands the task over like {@link #execute}.
   */
  public void at(long dueNanos, Runnable task) {
    try {
      timer().schedule(() -> execute(task), dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // the loop is closing: nothing runs on it any more
    }
  }

  private synchronized ScheduledExecutorService timer() {
    if (timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ws-timer");
        thread.setDaemon(true);
        return thread;
      });
    }
    return timer;
  }

  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Starts a non-blocking connect; must be called on the loop thread. */
  public WsClient connect(InetSocketAddress address, String path, FrameHandler handler) {
    WsClient client = new WsClient(this, address, path, handler);
    try {
      SocketChannel channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.socket().setTcpNoDelay(true);
      client.attach(channel, channel.register(selector, SelectionKey.OP_CONNECT, client));
      if (channel.connect(address)) {
        client.onConnectable();
      }
    } catch (IOException e) {
      client.fail("connect: " + e.getMessage());
    }
    return client;
  }

  ByteBuffer readBuffer() {
    return readBuffer;
  }

  FrameWriter writer() {
    return writer;
  }

  private void run() {
    while (running) {
      try {
        selector.select(50);
        runTasks();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          dispatch(key);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("selector failed", e);
      }
    }
    closeAll();
  }

  private void runTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      task.run();
    }
  }

  private static void dispatch(SelectionKey key) {
    WsClient client = (WsClient) key.attachment();
    if (!key.isValid()) {
      return;
    }
    int ready = key.readyOps();
    if ((ready & SelectionKey.OP_CONNECT) != 0) {
      client.onConnectable();
    }
    if (key.isValid() && (ready & SelectionKey.OP_WRITE) != 0) {
      client.onWritable();
    }
    if (key.isValid() && (ready & SelectionKey.OP_READ) != 0) {
      client.onReadable();
    }
  }

  private void closeAll() {
    for (SelectionKey key : selector.keys()) {
      ((WsClient) key.attachment()).close();
    }
    try {
      selector.close();
    } catch (IOException e) {
      // closing at shutdown: nothing left to do with the error
    }
  }

  /** Stops the loop, closing every connection; waits up to 5 s. */
  @Override
  public void close() {
    synchronized (this) {
      if (timer != null) {
        timer.shutdownNow();
      }
    }
    running = false;
    selector.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
