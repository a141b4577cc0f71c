package chat.bench.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RespClientTest {
  private static InputStream replies(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aCommandIsAnArrayOfBulkStrings() {
    assertArrayEquals("*2\r\n$4\r\nINFO\r\n$5\r\nstats\r\n".getBytes(StandardCharsets.UTF_8),
        RespClient.encode("INFO", "stats"));
    assertArrayEquals("*1\r\n$0\r\n\r\n".getBytes(StandardCharsets.UTF_8), RespClient.encode(""));
  }

  @Test
  void readsEachScalarReplyInTurn() throws IOException {
    InputStream in = replies("+PONG\r\n:42\r\n$12\r\nline1\r\nline2\r\n$-1\r\n");

    assertEquals("PONG", RespClient.read(in));
    assertEquals("42", RespClient.read(in));
    assertEquals("line1\r\nline2", RespClient.read(in), "a bulk string is read by its length, CRLFs and all");
    assertNull(RespClient.read(in));
  }

  @Test
  void anErrorReplyIsThrown() {
    IOException error = assertThrows(IOException.class, () -> RespClient.read(replies("-ERR unknown command\r\n")));

    assertTrue(error.getMessage().contains("ERR unknown command"), error.getMessage());
  }

  @Test
  void aReplyCutShortIsAnEndOfStream() {
    assertThrows(EOFException.class, () -> RespClient.read(replies("")));
    assertThrows(EOFException.class, () -> RespClient.read(replies("$10\r\nshort\r\n")));
    assertThrows(EOFException.class, () -> RespClient.read(replies("+PON")));
  }
}
