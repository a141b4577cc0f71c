package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.support.Await;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketListener;
import org.java_websocket.drafts.Draft_6455;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PassEndWritesTest {
  /** The test connections' listener: nothing here ever calls it, so every method may do nothing. */
  private static final WebSocketListener LISTENER = (WebSocketListener) Proxy.newProxyInstance(
      WebSocketListener.class.getClassLoader(), new Class<?>[] {WebSocketListener.class},
      (proxy, method, args) -> null);

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final PassEndWrites writes = new PassEndWrites(null, scheduler, Duration.ofMillis(5));

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void aWriteAskedForWhileCollectingWaitsForThePassEnd() {
    writes.bindToCurrentThread(); // this test's thread plays the selector
    PassEndWrites.Target target = new PassEndWrites.Target(null);

    writes.collecting(() -> writes.request(target));

    assertTrue(writes.isListed(target));
  }

  @Test
  void aListingWhosePassNeverEndsStopsCountingAsOnPurpose() {
    writes.bindToCurrentThread();
    PassEndWrites.Target target = new PassEndWrites.Target(null);

    writes.collecting(() -> writes.request(target));

    // The stalled-write guard then treats its frames as stalled and asks the library to write them.
    Await.until("the listing goes stale", Duration.ofSeconds(5), () -> !writes.isListed(target));
  }

  @Test
  void aListingStaysOnPurposeWhileTheSelectorKeepsReadingPastTheStaleTime() {
    writes.bindToCurrentThread();
    PassEndWrites.Target target = new PassEndWrites.Target(null);
    writes.collecting(() -> writes.request(target));

    // A pass over 10,000 busy connections: reads go on for longer than a listing may wait on an idle selector.
    long end = System.nanoTime() + 3 * PassEndWrites.Target.STALE_AFTER_NANOS;
    while (System.nanoTime() < end) {
      writes.claimPassEnd();
      assertTrue(writes.isListed(target));
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }

    Await.until("the listing goes stale once reading stops", Duration.ofSeconds(5),
        () -> !writes.isListed(target));
  }

  @Test
  void otherThreadsAreNotCollecting() throws Exception {
    writes.bindToCurrentThread();
    boolean[] collectingElsewhere = new boolean[1];

    writes.collecting(() -> {
      Thread other = new Thread(() -> collectingElsewhere[0] = writes.isCollecting());
      other.start();
      try {
        other.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    assertFalse(collectingElsewhere[0]);
  }

  @Test
  void afterABusyPassRoomFramesWaitForTheNextPassEnd() {
    writes.bindToCurrentThread();
    Connection bob = new Connection();

    pass(PassEndWrites.CARRY_FROM_READS, () -> bob.roomFrame("hi"));
    assertEquals(List.of(), bob.writes);
    assertTrue(writes.isListed(bob.target));

    pass(1, () -> {});
    assertEquals(List.of("hi"), bob.writes);
  }

  @Test
  void aReplyLeavesAtTheEndOfABusyPassWithTheRoomFramesBeforeIt() {
    writes.bindToCurrentThread();
    Connection alice = new Connection();

    pass(PassEndWrites.CARRY_FROM_READS, () -> {
      alice.roomFrame("hi");
      alice.reply("ack");
    });

    assertEquals(List.of("hi" + "ack"), alice.writes);
  }

  @Test
  void roomFramesWaitOnePassAtMostAndThenLeaveInOneWrite() {
    writes.bindToCurrentThread();
    Connection bob = new Connection();

    pass(PassEndWrites.CARRY_FROM_READS, () -> bob.roomFrame("one"));
    pass(PassEndWrites.CARRY_FROM_READS, () -> bob.roomFrame("two"));

    assertEquals(List.of("one" + "two"), bob.writes);
  }

  @Test
  void afterAQuietPassRoomFramesLeaveAtItsEnd() {
    writes.bindToCurrentThread();
    Connection bob = new Connection();

    pass(PassEndWrites.CARRY_FROM_READS - 1, () -> bob.roomFrame("hi"));

    assertEquals(List.of("hi"), bob.writes);
  }

  @Test
  void withoutAFlushDelayNothingWaits() {
    PassEndWrites immediate = new PassEndWrites(null, scheduler, Duration.ZERO);
    immediate.bindToCurrentThread();
    Connection bob = new Connection();

    immediate.collecting(() -> bob.roomFrame(immediate, "hi"));
    for (int i = 0; i < PassEndWrites.CARRY_FROM_READS; i++) {
      immediate.claimPassEnd();
    }
    immediate.passEnded();

    assertEquals(List.of("hi"), bob.writes);
  }

  /** One selector pass: {@code work} collects, then {@code reads} reads that got data, then the pass end. */
  private void pass(int reads, Runnable work) {
    writes.collecting(work);
    for (int i = 0; i < reads; i++) {
      writes.claimPassEnd();
    }
    writes.passEnded();
  }

  /** A connection whose socket takes everything and records each write's bytes. */
  private final class Connection {
    final List<String> writes = new ArrayList<>();
    final WebSocketImpl connection = new WebSocketImpl(LISTENER, new Draft_6455());
    final PassEndWrites.Target target = new PassEndWrites.Target(connection);

    Connection() {
      connection.setChannel(new RecordingChannel(connection.outQueue, writes));
    }

    void roomFrame(String text) {
      roomFrame(PassEndWritesTest.this.writes, text);
    }

    void roomFrame(PassEndWrites passWrites, String text) {
      connection.outQueue.add(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      passWrites.requestRoomFrame(target);
    }

    void reply(String text) {
      connection.outQueue.add(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      PassEndWritesTest.this.writes.request(target);
    }
  }

  /**
   * Writes a connection's queued frames the way the server's channel does ({@link StagedWriter}: all of them
   * with one write), and records each write's bytes.
   */
  private static final class RecordingChannel implements ByteChannel {
    private final StagedWriter staged = new StagedWriter();
    private final Queue<ByteBuffer> queue;
    private final WritableByteChannel socket;

    RecordingChannel(Queue<ByteBuffer> queue, List<String> writes) {
      this.queue = queue;
      this.socket = new WritableByteChannel() {
        @Override
        public int write(ByteBuffer bytes) {
          int length = bytes.remaining();
          writes.add(StandardCharsets.UTF_8.decode(bytes).toString());
          return length;
        }

        @Override
        public boolean isOpen() {
          return true;
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public int write(ByteBuffer head) throws IOException {
      return head.hasRemaining() ? staged.write(socket, queue, head) : 0;
    }

    @Override
    public int read(ByteBuffer target) {
      return 0;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }
}
