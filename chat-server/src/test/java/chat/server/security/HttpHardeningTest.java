package chat.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.ChatServer;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The static pages, attacked with raw requests. The probe files live in the test classpath under
 * {@code public/hardening-probe/}; {@code profanity.txt} sits at the classpath root, one level above the pages,
 * and {@code .txt} is a served type, so reaching it would be a real escape.
 */
class HttpHardeningTest {
  private static ChatServer server;

  @BeforeAll
  static void start() {
    server = Servers.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/../profanity.txt",
      "/%2e%2e/profanity.txt",
      "/%2E%2E/profanity.txt",
      "/..%2fprofanity.txt",
      "/..%2Fprofanity.txt",
      "/hardening-probe/../../profanity.txt",
      "/hardening-probe/%2e%2e/%2e%2e/profanity.txt",
      "/hardening-probe/..%2f..%2fprofanity.txt",
      "/hardening-probe%2f..%2f..%2fprofanity.txt",
      "/%2fprofanity.txt",
      "//profanity.txt",
      "/hardening-probe//../../profanity.txt",
      "/..%252fprofanity.txt",
      "/hardening-probe/..\\..\\profanity.txt",
      "/%5c..%5cprofanity.txt",
      "/hardening-probe/./page.html",
      "/hardening-probe/page.html%00.txt",
      "/C:/Windows/win.ini",
      "/etc/passwd",
      "http://localhost/../profanity.txt",
      "/hardening-probe/notes.properties",
      "/chat/server/Main.class",
      "/META-INF/MANIFEST.MF",
  })
  void pathsOutsideThePagesOrOfUnknownTypesAreNotServed(String target) throws IOException {
    RawHttp.Response response = RawHttp.request(server.httpPort(), "GET", target);

    assertTrue(response.status() == 404 || response.status() == 400, target + " got " + response.status());
    assertFalse(response.body().contains("secret"), target);
  }

  @Test
  void aPageInsideThePublicFolderIsServed() throws IOException {
    RawHttp.Response response = RawHttp.request(server.httpPort(), "GET", "/hardening-probe/page.html");

    assertEquals(200, response.status());
    assertTrue(response.body().contains("<title>probe</title>"));
  }

  @ParameterizedTest
  @CsvSource({
      "/hardening-probe/page.html, text/html; charset=utf-8",
      "/hardening-probe/style.css, text/css; charset=utf-8",
      "/hardening-probe/script.js, text/javascript; charset=utf-8",
      "/hardening-probe/icon.svg, image/svg+xml",
      "/hardening-probe/data.json, application/json; charset=utf-8",
      "/api/rooms, application/json; charset=utf-8",
  })
  void eachFileTypeHasItsContentType(String path, String type) throws IOException {
    assertEquals(type, RawHttp.request(server.httpPort(), "GET", path).header("Content-Type"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/hardening-probe/page.html", "/no-such-page.html", "/api/rooms", "/healthz"})
  void everyResponseCarriesTheSecurityHeaders(String path) throws IOException {
    RawHttp.Response response = RawHttp.request(server.httpPort(), "GET", path);

    String policy = response.header("Content-Security-Policy");
    assertNotNull(policy, path);
    assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self'")
        && policy.contains("frame-ancestors 'none'"), policy);
    assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval") || policy.contains("*"), policy);
    assertEquals("nosniff", response.header("X-Content-Type-Options"));
    assertEquals("no-referrer", response.header("Referrer-Policy"));
  }

  @ParameterizedTest
  @CsvSource({"POST, /", "PUT, /hardening-probe/page.html", "DELETE, /api/rooms", "OPTIONS, /healthz",
      "PATCH, /config.json"})
  void onlyGetAndHeadAreAllowed(String method, String path) throws IOException {
    RawHttp.Response response = RawHttp.request(server.httpPort(), method, path);

    assertEquals(405, response.status(), method + " " + path);
    assertEquals("GET, HEAD", response.header("Allow"));
  }

  @Test
  void headAnswersWithHeadersOnly() throws IOException {
    RawHttp.Response response = RawHttp.request(server.httpPort(), "HEAD", "/hardening-probe/page.html");

    assertEquals(200, response.status());
    assertEquals("", response.body());
    assertEquals("text/html; charset=utf-8", response.header("Content-Type"));
  }
}
