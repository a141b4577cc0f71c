package chat.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {
  private final OriginPolicy policy = new OriginPolicy(List.of("https://Chat.Example.org", "http://x.test:8080/"),
      3000);

  @Test
  void requestsWithoutAnOriginPass() {
    assertTrue(policy.allows(null, "localhost:3001"));
    assertTrue(policy.allows("", "localhost:3001"));
  }

  @Test
  void thePagesOwnOriginPasses() {
    assertTrue(policy.allows("http://localhost:3000", "localhost:3001"));
    assertTrue(policy.allows("https://LOCALHOST:3000", "localhost:3001"));
    assertTrue(policy.allows("http://192.168.1.5:3000", "192.168.1.5:3001"));
  }

  @Test
  void theWebSocketsOwnOriginPassesAsBehindAProxy() {
    assertTrue(policy.allows("https://chat.internal", "chat.internal"));
    assertTrue(policy.allows("https://chat.internal:8443", "chat.internal:8443"));
  }

  @Test
  void configuredOriginsPass() {
    assertTrue(policy.allows("https://chat.example.org", "10.0.0.1:3001"));
    assertTrue(policy.allows("http://x.test:8080", "10.0.0.1:3001"));
  }

  @Test
  void otherOriginsAreRefused() {
    assertFalse(policy.allows("https://evil.example", "localhost:3001"));
    assertFalse(policy.allows("http://localhost:4000", "localhost:3001"));
    assertFalse(policy.allows("http://localhost.evil.example:3000", "localhost:3001"));
    assertFalse(policy.allows("http://127.0.0.1:3000", "localhost:3001"));
    assertFalse(policy.allows("http://chat.example.org", "10.0.0.1:3001"));
    assertFalse(policy.allows("null", "localhost:3001"));
    assertFalse(policy.allows("file://", "localhost:3001"));
    assertFalse(policy.allows("http://localhost:3000", null));
  }

  @Test
  void originsAreComparedInOneForm() {
    assertEquals(Optional.of("https://chat.example.org:443"), OriginPolicy.normalise("https://Chat.Example.org/"));
    assertEquals(Optional.empty(), OriginPolicy.normalise("https://user@chat.example.org"));
    assertEquals(Optional.empty(), OriginPolicy.normalise("ftp://chat.example.org"));
  }

  @Test
  void thePagePortLearnedAfterBindingCounts() {
    OriginPolicy late = new OriginPolicy(List.of(), 0);
    late.pagePort(41234);
    assertTrue(late.allows("http://localhost:41234", "localhost:41235"));
  }
}
