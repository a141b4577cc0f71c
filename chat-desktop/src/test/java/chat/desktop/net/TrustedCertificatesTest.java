package chat.desktop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.testing.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a {@code --trust-cert} file; what the trust does on a connection is in {@link TlsConnectionTest}. */
class TrustedCertificatesTest {
  @TempDir
  Path directory;

  @Test
  void readsTheCertificateOfAPemFile() {
    SelfSignedCertificate certificate = SelfSignedCertificate.generate(directory);
    assertEquals(java.util.List.of(certificate.x509()), TrustedCertificates.read(certificate.certificate()));
    assertNotNull(TrustedCertificates.sslContext(Optional.of(certificate.certificate())));
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = directory.resolve("missing.pem");
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> TrustedCertificates.sslContext(Optional.of(missing)));
    assertEquals("--trust-cert: cannot read " + missing, error.getMessage());
  }

  @Test
  void aFileWithoutACertificateIsRefused() throws Exception {
    Path key = Files.writeString(directory.resolve("key.pem"), "not a certificate\n");
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> TrustedCertificates.sslContext(Optional.of(key)));
    assertTrue(error.getMessage().startsWith("--trust-cert: " + key + " "), error.getMessage());
  }
}
