package chat.server.security;

import chat.server.support.Await;
import chat.server.support.ServerProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slowloris: clients that send their request headers a byte at a time and never finish. Each holds one of the
 * page server's threads; the request timeout cuts them so the pages and /healthz answer again. In its own
 * process because the JDK applies the timeout JVM-wide, fixed by the first server started.
 */
class SlowHttpClientTest {

  @Test
  void clientsThatNeverFinishTheirRequestCannotHoldThePageServer() throws Exception {
    List<Socket> loris = new ArrayList<>();
    try (ServerProcess server = ServerProcess.start("--http-request-timeout", "1")) {
      for (int i = 0; i < 40; i++) {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.httpPort());
        socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        loris.add(socket);
      }

      // The slow clients stay connected; only the timeout can free the threads they hold.
      Await.until("/healthz answers again", Duration.ofSeconds(15), () -> healthy(server));
    } finally {
      for (Socket socket : loris) {
        socket.close();
      }
    }
  }

  private static boolean healthy(ServerProcess server) {
    try {
      return RawHttp.request(server.httpPort(), "GET", "/healthz", 2000).status() == 200;
    } catch (IOException e) {
      return false;
    }
  }
}
