package chat.desktop.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What {@code https://} and {@code wss://} connections trust: the JDK's own authorities, plus the certificates
 * of a file the user names ({@code --trust-cert}), such as a test server's self-signed one or a private CA. The
 * checks stay the JDK's (PKIX path, validity, and the HTTP client's hostname verification); this only adds
 * trust anchors and never accepts a certificate it cannot chain to one.
 */
public final class TrustedCertificates {
  private TrustedCertificates() {}

  /**
   * The TLS context for the app's HTTP client.
   *
   * @throws IllegalArgumentException with a message for the user when the file cannot be used
   */
  public static SSLContext sslContext(Optional<Path> extra) {
    try {
      if (extra.isEmpty()) {
        return SSLContext.getDefault();
      }
      List<X509Certificate> anchors = new ArrayList<>(jdkAuthorities());
      anchors.addAll(read(extra.get()));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers(anchors), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** The X.509 certificates in a PEM (or DER) file; at least one. */
  static List<X509Certificate> read(Path file) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("--trust-cert: cannot read " + file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> found = CertificateFactory.getInstance("X.509").generateCertificates(in);
      List<X509Certificate> certificates = found.stream()
          .filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast).toList();
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("--trust-cert: " + file + " holds no certificate");
      }
      return certificates;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("--trust-cert: " + file + " is not a certificate file (PEM or DER): "
          + e.getMessage(), e);
    }
  }

  /** The authorities the JDK trusts by default (its cacerts, or the javax.net.ssl.trustStore the user set). */
  private static List<X509Certificate> jdkAuthorities() throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    List<X509Certificate> authorities = new ArrayList<>();
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        authorities.addAll(List.of(x509.getAcceptedIssuers()));
      }
    }
    return authorities;
  }

  /** The JDK's standard trust managers over exactly these anchors (no checking logic of our own). */
  private static TrustManager[] trustManagers(List<X509Certificate> anchors)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (int i = 0; i < anchors.size(); i++) {
      store.setCertificateEntry("anchor-" + i, anchors.get(i));
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }
}
