package chat.bench.probe;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Just enough of Redis's wire protocol (RESP2) to ask a loopback Redis a question: one blocking connection,
 * commands sent as arrays of bulk strings, and the scalar replies (simple string, error, integer, bulk string)
 * read back. The benchmark only needs PING and INFO, so this avoids a Redis client library and redis-cli.
 */
public final class RespClient implements AutoCloseable {
  private static final int TIMEOUT_MILLIS = 5_000;

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  private RespClient(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = new BufferedInputStream(socket.getInputStream());
  }

  public static RespClient connect(int port) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      return new RespClient(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** Sends one command and returns its reply as text; an error reply is thrown as an IOException. */
  public String command(String... words) throws IOException {
    out.write(encode(words));
    out.flush();
    return read(in);
  }

  /** A command as RESP: {@code *N\r\n} then {@code $LEN\r\nWORD\r\n} per word. */
  static byte[] encode(String... words) {
    StringBuilder command = new StringBuilder("*").append(words.length).append("\r\n");
    for (String word : words) {
      command.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word)
          .append("\r\n");
    }
    return command.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One scalar reply; a null bulk string ({@code $-1}) is null. Arrays are not needed here. */
  static String read(InputStream in) throws IOException {
    int type = in.read();
    if (type < 0) {
      throw new EOFException("redis closed the connection");
    }
    String line = line(in);
    return switch (type) {
      case '+', ':' -> line;
      case '-' -> throw new IOException("redis: " + line);
      case '$' -> Integer.parseInt(line) < 0 ? null : bulk(in, Integer.parseInt(line));
      default -> throw new IOException("unexpected redis reply type '" + (char) type + "'");
    };
  }

  private static String bulk(InputStream in, int length) throws IOException {
    byte[] bytes = in.readNBytes(length + 2); // the text, then its CRLF
    if (bytes.length < length + 2) {
      throw new EOFException("redis reply cut short");
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (previous == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
      }
      line.write(b);
      previous = b;
    }
    throw new EOFException("redis reply cut short");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
