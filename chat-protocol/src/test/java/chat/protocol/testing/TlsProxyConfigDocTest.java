package chat.protocol.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/tls.md calls its haproxy configuration tested: it must be the one {@link TlsProxy} runs, with the
 * production address, certificate path and the server's default ports put in.
 */
class TlsProxyConfigDocTest {
  private static final Path DOC = Path.of("..", "docs", "tls.md");

  @Test
  void theDocumentedHaproxyConfigurationIsTheTestedOne() throws Exception {
    String doc = Files.readString(DOC);
    String block = "```haproxy\n" + TlsProxy.config(":443", "/etc/haproxy/certs/chat.pem", 3000, 3001) + "```\n";
    assertTrue(doc.contains(block), "docs/tls.md should show, verbatim:\n" + block);
  }
}
