package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.testing.ExternalProgram;
import chat.protocol.testing.SelfSignedCertificate;
import chat.protocol.testing.TlsProxy;
import chat.server.support.ClusterProxy;
import chat.server.support.ClusterProxy.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/cluster.md gives a working configuration for haproxy and for nginx: the haproxy one is the one the
 * load-balanced cluster tests run ({@link ClusterProxy}), with production addresses and TLS put in, and both
 * pass their proxy's own configuration check with a certificate in place.
 */
class ClusterDocTest {
  private static final Path DOC = Path.of("..", "docs", "cluster.md");
  private static final Path NGINX = Path.of("/usr/sbin/nginx");
  private static final String HAPROXY_PEM = "/etc/haproxy/certs/chat.pem";
  private static final String PRODUCTION_BIND = ":443 ssl crt " + HAPROXY_PEM + " alpn http/1.1";
  private static final List<Node> PRODUCTION_NODES = List.of(new Node("10.0.0.11", 3000, 3001),
      new Node("10.0.0.12", 3000, 3001), new Node("10.0.0.13", 3000, 3001));

  @TempDir Path directory;

  @Test
  void theDocumentedHaproxyConfigurationIsTheTestedOne() throws IOException {
    String block = "```haproxy\n" + ClusterProxy.config(PRODUCTION_BIND, PRODUCTION_NODES) + "```\n";
    assertTrue(Files.readString(DOC).contains(block), "docs/cluster.md should show, verbatim:\n" + block);
  }

  @Test
  void haproxyAcceptsTheDocumentedConfiguration() throws IOException {
    ExternalProgram.require(TlsProxy.HAPROXY, "haproxy");
    SelfSignedCertificate certificate = SelfSignedCertificate.generate(directory);
    Path cfg = Files.writeString(directory.resolve("cluster.cfg"),
        block("haproxy").replace(HAPROXY_PEM, certificate.haproxyPem().toString()));
    ExternalProgram.run(List.of(TlsProxy.HAPROXY.toString(), "-c", "-f", cfg.toString()),
        directory.resolve("haproxy.log"));
  }

  @Test
  void nginxAcceptsTheDocumentedConfiguration() throws IOException {
    ExternalProgram.require(NGINX, "nginx");
    SelfSignedCertificate certificate = SelfSignedCertificate.generate(directory);
    String pem = certificate.haproxyPem().toString(); // the certificate and its key in one file
    String server = block("nginx")
        .replace("/etc/letsencrypt/live/chat.example/fullchain.pem", pem)
        .replace("/etc/letsencrypt/live/chat.example/privkey.pem", pem);
    Path conf = Files.writeString(directory.resolve("nginx.conf"), String.join("\n",
        "error_log " + directory.resolve("error.log") + ";",
        "pid " + directory.resolve("nginx.pid") + ";",
        "events {}",
        "http {",
        server,
        "}",
        ""));
    ExternalProgram.run(List.of(NGINX.toString(), "-t", "-p", directory.toString(), "-c", conf.toString()),
        directory.resolve("nginx.log"));
  }

  /** The page's one code block in {@code language}. */
  private static String block(String language) throws IOException {
    String doc = Files.readString(DOC);
    String open = "```" + language + "\n";
    int start = doc.indexOf(open);
    assertTrue(start >= 0 && doc.indexOf(open, start + 1) < 0, "docs/cluster.md has one " + language + " block");
    int end = doc.indexOf("```", start + open.length());
    return doc.substring(start + open.length(), end);
  }
}
