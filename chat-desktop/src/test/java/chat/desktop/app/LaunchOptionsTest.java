package chat.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
  @Test
  void readsAllOptions() {
    LaunchOptions options = LaunchOptions.parse(List.of(
        "--server", "http://host:3000", "--name", "Alice", "--room", "lobby", "--join",
        "--ip-location", "https://geo.example/json"));
    assertEquals(new LaunchOptions("http://host:3000", "Alice", "lobby", true,
        Optional.of(URI.create("https://geo.example/json"))), options);
  }

  @Test
  void readsTheCertificateToTrust() {
    assertEquals(Optional.of(Path.of("/etc/chat/cert.pem")),
        LaunchOptions.parse(List.of("--trust-cert", "/etc/chat/cert.pem")).trustCert());
    assertEquals(Optional.of(Path.of("cert.pem")), LaunchOptions.parse(List.of("--trust-cert=cert.pem")).trustCert());
    assertTrue(LaunchOptions.parse(List.of()).trustCert().isEmpty());
  }

  @Test
  void acceptsTheEqualsForm() {
    LaunchOptions options = LaunchOptions.parse(List.of("--name=Bob", "--room=kitchen"));
    assertEquals("Bob", options.name());
    assertEquals("kitchen", options.room());
  }

  @Test
  void noOptionsMeansPrefillFromMemoryAndWait() {
    LaunchOptions options = LaunchOptions.parse(List.of());
    assertFalse(options.joinNow());
    assertTrue(options.ipLocation().isEmpty());
  }

  @Test
  void refusesUnknownOptions() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--colour", "red")));
    assertEquals("Unknown option: --colour", error.getMessage());
  }

  @Test
  void refusesAnOptionWithoutItsValue() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--name", "--join")));
    assertEquals("--name needs a value", error.getMessage());
  }

  @Test
  void ipLocationMustBeHttp() {
    assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--ip-location", "file:/x")));
  }

  @Test
  void aValueWithSpacesIsOneValue() {
    LaunchOptions options = LaunchOptions.parse(List.of("--name", "Ann Lee", "--room", "the big room"));
    assertEquals("Ann Lee", options.name());
    assertEquals("the big room", options.room());
  }
}
