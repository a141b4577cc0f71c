package chat.protocol.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway certificate (for {@code localhost} and {@code 127.0.0.1} unless told otherwise), made by Debian's
 * {@code openssl} in a directory of the test's own, valid for one day: {@code cert.pem} (what clients are told
 * to trust), {@code key.pem}, and {@code haproxy.pem} with both (haproxy wants them in one file).
 */
public final class SelfSignedCertificate {
  public static final Path OPENSSL = Path.of("/usr/bin/openssl");

  private final Path certificate;
  private final Path haproxyPem;
  private final X509Certificate x509;

  private SelfSignedCertificate(Path certificate, Path haproxyPem, X509Certificate x509) {
    this.certificate = certificate;
    this.haproxyPem = haproxyPem;
    this.x509 = x509;
  }

  /** Generates a new key and certificate for localhost into {@code directory}; fails loudly without openssl. */
  public static SelfSignedCertificate generate(Path directory) {
    return generate(directory, "localhost", "DNS:localhost,IP:127.0.0.1");
  }

  /**
   * A certificate for another name only ({@code subjectAltName=DNS:name}), to show that a client checks the
   * name: served on loopback, it must be refused even where it is trusted.
   */
  public static SelfSignedCertificate generateFor(Path directory, String name) {
    return generate(directory, name, "DNS:" + name);
  }

  private static SelfSignedCertificate generate(Path directory, String commonName, String altNames) {
    ExternalProgram.require(OPENSSL, "openssl");
    Path cert = directory.resolve("cert.pem");
    Path key = directory.resolve("key.pem");
    ExternalProgram.run(List.of(OPENSSL.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        "-subj", "/CN=" + commonName, "-addext", "subjectAltName=" + altNames,
        "-keyout", key.toString(), "-out", cert.toString()), directory.resolve("openssl.log"));
    Path combined = directory.resolve("haproxy.pem");
    try {
      Files.write(combined, Files.readAllBytes(cert));
      Files.write(combined, Files.readAllBytes(key), StandardOpenOption.APPEND);
      return new SelfSignedCertificate(cert, combined, read(cert));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The certificate alone, in PEM: what a client is given to trust. */
  public Path certificate() {
    return certificate;
  }

  /** Certificate and private key in one PEM file, as haproxy's {@code crt} takes them. */
  public Path haproxyPem() {
    return haproxyPem;
  }

  public X509Certificate x509() {
    return x509;
  }

  /**
   * Base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo: what Chromium's
   * {@code --ignore-certificate-errors-spki-list} takes to accept this one certificate and no other.
   */
  public String spkiSha256() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(x509.getPublicKey().getEncoded());
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** TLS that trusts this certificate only (hostname checks stay the caller's), for the tests' own clients. */
  public SSLContext trustingOnlyThis() {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      store.setCertificateEntry("self-signed", x509);
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot build a trust store for " + certificate, e);
    }
  }

  private static X509Certificate read(Path pem) throws IOException {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("openssl wrote a certificate Java cannot read: " + pem, e);
    }
  }
}
