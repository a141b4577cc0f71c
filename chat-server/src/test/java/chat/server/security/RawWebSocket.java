package chat.server.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client written against the RFC by hand, on a plain socket, so tests can send what no well-behaved
 * client library would: lying headers, endless fragments, invalid UTF-8, and a reader that stops reading.
 */
final class RawWebSocket implements AutoCloseable {
  static final int TEXT = 1;
  static final int BINARY = 2;
  static final int CONTINUATION = 0;
  static final int CLOSE = 8;
  static final int PING = 9;
  static final int PONG = 10;

  /** A frame from the server; {@code opcode} -1 means the connection ended without one. */
  record Frame(int opcode, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    int closeCode() {
      return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String responseHead;
  private final int status;

  private RawWebSocket(Socket socket, String responseHead) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.responseHead = responseHead;
    String[] statusLine = responseHead.split("\r\n", 2)[0].split(" ");
    this.status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
  }

  /** Connects and sends the upgrade request; {@link #status()} says whether the server agreed (101). */
  static RawWebSocket open(int port, String origin) throws IOException {
    return open(port, origin, InetAddress.getLoopbackAddress(), 0);
  }

  /** As {@link #open(int, String)}, from a given local address and with a receive buffer size (0 = default). */
  static RawWebSocket open(int port, String origin, InetAddress from, int receiveBuffer) throws IOException {
    return open(port, "/", from, receiveBuffer,
        origin == null ? List.of() : List.of("Origin: " + origin));
  }

  /** Upgrades {@code path} from a given local address, with extra header lines such as a proxy would add. */
  static RawWebSocket open(int port, String path, InetAddress from, List<String> headers) throws IOException {
    return open(port, path, from, 0, headers);
  }

  private static RawWebSocket open(int port, String path, InetAddress from, int receiveBuffer,
      List<String> headers) throws IOException {
    Socket socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.bind(new InetSocketAddress(from, 0));
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
    socket.setSoTimeout(10_000);
    String key = Base64.getEncoder().encodeToString(new byte[16]);
    StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
        + "\r\nSec-WebSocket-Version: 13\r\n");
    headers.forEach(header -> request.append(header).append("\r\n"));
    socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    return new RawWebSocket(socket, readHead(socket.getInputStream()));
  }

  /** Connects without sending anything at all. */
  static Socket openSilent(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(10_000);
    return socket;
  }

  int status() {
    return status;
  }

  /** A header of the server's answer to the upgrade, or null. */
  String header(String name) {
    for (String line : responseHead.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  /** The body of a refusal: everything up to the end of the connection, which the server closes after it. */
  String bodyUntilClosed() throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  void sendText(String text) throws IOException {
    sendFrame(true, TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /** One masked frame, as a client must send it. */
  void sendFrame(boolean fin, int opcode, byte[] payload) throws IOException {
    out.write(header(fin, opcode, payload.length));
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    out.write(mask);
    byte[] masked = new byte[payload.length];
    for (int i = 0; i < payload.length; i++) {
      masked[i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    out.write(masked);
    out.flush();
  }

  /** Raw bytes, for headers that promise more than will ever come. */
  void sendBytes(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  static byte[] header(boolean fin, int opcode, long length) {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    header.write((fin ? 0x80 : 0) | opcode);
    if (length < 126) {
      header.write(0x80 | (int) length);
    } else if (length <= 0xffff) {
      header.write(0x80 | 126);
      header.write((int) (length >>> 8));
      header.write((int) length);
    } else {
      header.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        header.write((int) (length >>> shift));
      }
    }
    return header.toByteArray();
  }

  /** The next frame (server frames are not masked), or opcode -1 if the connection ended. */
  Frame readFrame() throws IOException {
    int b0 = in.read();
    int b1 = in.read();
    if (b0 < 0 || b1 < 0) {
      return new Frame(-1, new byte[0]);
    }
    long length = b1 & 0x7f;
    if (length == 126) {
      length = (in.read() << 8) | in.read();
    } else if (length == 127) {
      length = 0;
      for (int i = 0; i < 8; i++) {
        length = (length << 8) | in.read();
      }
    }
    byte[] payload = in.readNBytes((int) length);
    return new Frame(b0 & 0x0f, payload);
  }

  /** Reads until a close frame or the end of the connection, within the timeout. */
  Frame awaitClose(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    try {
      while (true) {
        Frame frame = readFrame();
        if (frame.opcode() == CLOSE || frame.opcode() == -1) {
          return frame;
        }
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("The server did not close the connection within " + timeout, e);
    }
  }

  /** Reads text frames until one contains the given text, within the timeout. */
  String awaitText(String contained, Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    while (true) {
      Frame frame = readFrame();
      if (frame.opcode() == -1 || frame.opcode() == CLOSE) {
        throw new AssertionError("Connection closed while waiting for " + contained);
      }
      if (frame.opcode() == TEXT && frame.text().contains(contained)) {
        return frame.text();
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
