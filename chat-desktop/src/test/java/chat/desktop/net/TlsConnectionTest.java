package chat.desktop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.testing.Await;
import chat.desktop.testing.TestServer;
import chat.protocol.ServerMessage;
import chat.protocol.testing.SelfSignedCertificate;
import chat.protocol.testing.TestClient;
import chat.protocol.testing.TlsProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real connection through Debian's haproxy terminating TLS with a throwaway certificate, as
 * {@code --server https://…} and {@code --trust-cert} use it: trusted, it joins and chats over https and wss;
 * not trusted, or trusted but for another name, it is refused with a reason the join dialog can show.
 */
class TlsConnectionTest implements ChatConnection.Listener {
  private static final String NOT_TRUSTED = "The server's certificate is not trusted: ";

  @TempDir
  static Path directory;
  static SelfSignedCertificate certificate;
  static TestServer server;
  static TlsProxy proxy;

  private final List<ServerMessage> messages = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startProxiedServer() {
    certificate = SelfSignedCertificate.generate(directory);
    int port = TlsProxy.freePort();
    server = TestServer.startBehindProxy(URI.create("wss://localhost:" + port + "/ws"));
    proxy = TlsProxy.start(directory, certificate, port, server.httpPort(), server.wsPort());
  }

  @AfterAll
  static void stopProxiedServer() {
    if (proxy != null) proxy.close();
    if (server != null) server.close();
  }

  @AfterEach
  void closeClients() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
  }

  @Test
  void withTheTrustedCertificateItJoinsAndChatsOverHttpsAndWss() throws Exception {
    ChatConnection alice = connect(trusting(certificate.certificate()), proxy.httpsUri().toString());
    await(alice.join("Alice", "tls"));
    alice.setListener(this);
    TestClient bob = bob();
    assertTrue(bob.join("Bob", "tls").isOk());
    await(alice.sendMessage("hello over wss"));
    bob.await(ServerMessage.ChatMessage.class,
        m -> m.text().equals("hello over wss") && m.username().equals("Alice"));
    bob.said("hello back through haproxy");
    Await.until("Alice receives Bob's message", () -> messages.stream().anyMatch(
        m -> m instanceof ServerMessage.ChatMessage chat && chat.text().equals("hello back through haproxy")));
  }

  @Test
  void aWssAddressWorksDirectlyWithTheTrustedCertificate() throws Exception {
    ChatConnection alice = connect(trusting(certificate.certificate()), proxy.wssUri().toString());
    await(alice.join("Alice", "tls-direct"));
  }

  @Test
  void withoutTheCertificateTheHttpsAddressIsRefusedReadably() {
    String reason = failureToConnect(HttpClient.newHttpClient(), proxy.httpsUri().toString());
    assertTrue(reason.startsWith(NOT_TRUSTED + "unable to find valid certification path"), reason);
  }

  @Test
  void withoutTheCertificateTheWssAddressIsRefusedReadably() {
    String reason = failureToConnect(HttpClient.newHttpClient(), proxy.wssUri().toString());
    assertTrue(reason.startsWith(NOT_TRUSTED), reason);
  }

  @Test
  void aTrustedCertificateForAnotherNameIsRefused() throws Exception {
    Path elsewhere = Files.createDirectory(directory.resolve("elsewhere"));
    SelfSignedCertificate other = SelfSignedCertificate.generateFor(elsewhere, "chat.invalid");
    try (TlsProxy wrongName = TlsProxy.start(elsewhere, other, TlsProxy.freePort(), server.httpPort(),
        server.wsPort())) {
      String reason = failureToConnect(trusting(other.certificate()), wrongName.httpsUri().toString());
      assertEquals(NOT_TRUSTED + "No subject alternative DNS name matching localhost found.", reason);
    }
  }

  @Override
  public void onServerMessage(ServerMessage message) {
    messages.add(message);
  }

  @Override
  public void onStatusChanged(ConnectionStatus status) {}

  /** The app's HTTP client as {@code --trust-cert file} builds it. */
  private static HttpClient trusting(Path certificateFile) {
    return HttpClient.newBuilder().sslContext(TrustedCertificates.sslContext(Optional.of(certificateFile))).build();
  }

  private static WebSocketChatConnector connector(HttpClient http) {
    return new WebSocketChatConnector(http, () -> new Backoff(Duration.ofMillis(50), Duration.ofMillis(400), () -> 0.5),
        new ConnectionTimings(Duration.ofSeconds(5), Duration.ofSeconds(5)));
  }

  private ChatConnection connect(HttpClient http, String address) throws Exception {
    ChatConnection connection = connector(http).connect(ServerAddress.parse(address)).get(15, TimeUnit.SECONDS);
    toClose.add(connection);
    return connection;
  }

  private static String failureToConnect(HttpClient http, String address) {
    CompletableFuture<ChatConnection> connecting = connector(http).connect(ServerAddress.parse(address));
    ExecutionException error = assertThrows(ExecutionException.class, () -> connecting.get(15, TimeUnit.SECONDS));
    return RequestFailedException.reasonOf(error);
  }

  private TestClient bob() {
    TestClient bob = TestClient.connect(proxy.wssUri(), null, certificate.trustingOnlyThis())
        .withTimeout(Await.TIMEOUT);
    toClose.add(bob);
    return bob;
  }

  private static void await(CompletableFuture<?> request) throws Exception {
    request.get(10, TimeUnit.SECONDS);
  }
}
