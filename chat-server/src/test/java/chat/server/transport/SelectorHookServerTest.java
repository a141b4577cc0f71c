package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pins each behaviour of Java-WebSocket 1.6.0 that {@link SelectorHookServer} relies on
 * (docs/decisions/0011-one-write-path.md): if an upgrade changes one, a test here fails.
 */
class SelectorHookServerTest {
  private final EchoServer server = new EchoServer();

  @AfterEach
  void stop() throws InterruptedException {
    server.stopHooks();
    server.stop(1000);
    server.closeWakePipe();
  }

  @Test
  void theServerIsBuiltAgainstJavaWebSocket160() throws IOException {
    Properties pom = new Properties();
    try (InputStream in = WebSocketImpl.class.getResourceAsStream(
        "/META-INF/maven/org.java-websocket/Java-WebSocket/pom.properties")) {
      pom.load(in);
    }
    assertEquals("1.6.0", pom.getProperty("version"),
        "SelectorHookServer relies on 1.6.0's selector loop: re-check every point of decision 11, then this");
  }

  @Test
  void framesAreDecodedOnTheSelectorThread() throws Exception {
    Client client = server.connect();
    assertEquals("hi", client.echo("hi"));
    assertEquals(List.of(true), server.decodedOnSelector);
  }

  @Test
  void tenThousandReadsNeverRunTheLibrarysReadBuffersDry() throws Exception {
    Client client = server.connect();
    for (int i = 0; i < 10_000; i++) {
      assertEquals("m" + i, client.echo("m" + i));
    }
  }

  @Test
  void everyPassThatReadEndsWithTheHook() throws Exception {
    Client client = server.connect();
    int before = server.passEnds.get();
    for (int i = 0; i < 100; i++) {
      client.echo("m" + i);
    }
    assertTrue(server.passEnds.get() - before >= 100, "pass ends: " + (server.passEnds.get() - before));
  }

  @Test
  void tasksRunOnTheSelectorThreadInTheOrderQueued() throws Exception {
    server.connect();
    List<Integer> ran = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(3);
    for (int i = 0; i < 3; i++) {
      int task = i;
      assertTrue(server.runOnSelector(() -> {
        ran.add(server.isSelectorThread() ? task : -1);
        done.countDown();
      }));
    }
    assertTrue(done.await(5, TimeUnit.SECONDS));
    assertEquals(List.of(0, 1, 2), ran);
  }

  @Test
  void aTaskRunAfterThoseHandedOverRunsThemFirstAndAtOnce() throws Exception {
    server.connect();
    List<String> seen = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    assertTrue(server.runOnSelector(() -> {
      server.runOnSelector(() -> seen.add("handed over"));
      server.runAfterHandedOver(() -> seen.add("run after it"));
      seen.add("then the caller goes on");
      done.countDown();
    }));
    assertTrue(done.await(5, TimeUnit.SECONDS));
    assertEquals(List.of("handed over", "run after it", "then the caller goes on"), seen);
  }

  @Test
  void aWakeThatReadNothingStillEndsAPass() throws Exception {
    server.connect();
    CountDownLatch ended = new CountDownLatch(1);
    server.onPassEnd = reads -> {
      if (reads == 0) {
        ended.countDown();
      }
    };
    assertTrue(server.runOnSelector(() -> {}));
    assertTrue(ended.await(5, TimeUnit.SECONDS));
  }

  @Test
  void aPassEndTaskRunsOnceWhenThePassEndsBeforeItsWrites() throws Exception {
    server.connect();
    List<String> seen = new CopyOnWriteArrayList<>();
    CountDownLatch ended = new CountDownLatch(1);
    server.onPassEnd = reads -> {
      if (!seen.isEmpty() && seen.size() < 3) {
        seen.add("pass end");
        ended.countDown();
      }
    };
    assertTrue(server.runOnSelector(() -> {
      server.atPassEnd(() -> seen.add("task"));
      seen.add("queued");
    }));
    assertTrue(ended.await(5, TimeUnit.SECONDS));
    assertEquals(List.of("queued", "task", "pass end"), seen);
  }

  @Test
  void beforeTheFirstConnectionTasksAreRefusedSoCallersFallBack() throws Exception {
    server.begin();
    assertFalse(server.runOnSelector(() -> {}));
  }

  @Test
  void aHandshakeRefusedByThrowingGetsTheLibrarysCanned404() throws Exception {
    server.begin();
    assertEquals("HTTP/1.1 404 WebSocket Upgrade Failure", upgrade("/refuse-plainly")); // the socket stays open
  }

  @Test
  void aRefusalIsWrittenInPlaceOfThe404AndTheSocketClosesAfterIt() throws Exception {
    server.begin();
    String expected = StandardCharsets.UTF_8.decode(REFUSAL.httpResponse()).toString();
    assertEquals(expected, upgrade("/refuse")); // all of it, nothing after it, then end of stream
  }

  @Test
  void aHandshakeNotRefusedStillUpgrades() throws Exception {
    server.begin();
    assertTrue(upgrade("/").startsWith("HTTP/1.1 101 "));
  }

  private static final HandshakeRefusal REFUSAL = HandshakeRefusal.tooMany("Not now", Duration.ofSeconds(7));

  /** The server's answer to an upgrade for {@code path}: all of it for "/refuse", else its status line. */
  private String upgrade(String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\nSec-WebSocket-Version: 13\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      if (path.equals("/refuse")) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      StringBuilder statusLine = new StringBuilder();
      for (int b = in.read(); b >= 0 && b != '\r'; b = in.read()) {
        statusLine.append((char) b);
      }
      return statusLine.toString();
    }
  }

  /** Echoes every text frame through the library's own send. */
  private static final class EchoServer extends SelectorHookServer {
    final AtomicInteger passEnds = new AtomicInteger();
    final List<Boolean> decodedOnSelector = new CopyOnWriteArrayList<>();
    final CountDownLatch started = new CountDownLatch(1);
    volatile java.util.function.IntConsumer onPassEnd = reads -> {};

    EchoServer() {
      super(new InetSocketAddress("127.0.0.1", 0), List.<Draft>of(new org.java_websocket.drafts.Draft_6455()));
      setReuseAddr(true);
    }

    void begin() throws InterruptedException {
      start();
      assertTrue(started.await(5, TimeUnit.SECONDS));
    }

    Client connect() throws Exception {
      if (started.getCount() > 0) {
        begin();
      }
      return new Client(URI.create("ws://127.0.0.1:" + getPort()));
    }

    @Override
    protected void passEnded(int reads) {
      passEnds.incrementAndGet();
      onPassEnd.accept(reads);
    }

    @Override
    protected void accepted(WebSocketImpl connection) {}

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(org.java_websocket.WebSocket connection,
        Draft draft, ClientHandshake request) throws InvalidDataException {
      if (request.getResourceDescriptor().equals("/refuse")) {
        throw refuse(connection, REFUSAL);
      }
      if (request.getResourceDescriptor().equals("/refuse-plainly")) {
        throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "Refused");
      }
      return super.onWebsocketHandshakeReceivedAsServer(connection, draft, request);
    }

    @Override
    protected void selectorStarted() {
      started.countDown();
    }

    @Override
    protected void unexpectedFailure(String what, RuntimeException error) {
      throw error;
    }

    @Override
    public void onOpen(org.java_websocket.WebSocket connection, ClientHandshake handshake) {}

    @Override
    public void onClose(org.java_websocket.WebSocket connection, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(org.java_websocket.WebSocket connection, String message) {
      if (decodedOnSelector.isEmpty()) {
        decodedOnSelector.add(isSelectorThread());
      }
      connection.send(message);
    }

    @Override
    public void onError(org.java_websocket.WebSocket connection, Exception error) {}
  }

  /** A JDK WebSocket client that waits for each echo. */
  private static final class Client implements WebSocket.Listener {
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    Client(URI uri) throws Exception {
      socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, this).get(5, TimeUnit.SECONDS);
    }

    String echo(String text) throws Exception {
      socket.sendText(text, true).get(5, TimeUnit.SECONDS);
      String reply = received.poll(5, TimeUnit.SECONDS);
      if (reply == null) {
        throw new AssertionError("no echo of " + text + " within 5 s");
      }
      return reply;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      webSocket.request(1);
      return null;
    }
  }
}
