package chat.desktop.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import chat.desktop.chat.MessageLinks.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageLinksTest {
  private static Segment text(String text) {
    return new Segment(text, null);
  }

  private static Segment link(String url) {
    return new Segment(url, url);
  }

  @Test
  void plainTextStaysOneTextRun() {
    assertEquals(List.of(text("Hello Bob")), MessageLinks.split("Hello Bob"));
  }

  @Test
  void anHttpsUrlBecomesALinkBetweenTextRuns() {
    assertEquals(List.of(text("see "), link("https://example.org/a?b=1"), text(" now")),
        MessageLinks.split("see https://example.org/a?b=1 now"));
  }

  @Test
  void anHttpUrlBecomesALink() {
    assertEquals(List.of(link("http://localhost:3000/")), MessageLinks.split("http://localhost:3000/"));
  }

  @Test
  void sentencePunctuationAfterAUrlStaysText() {
    assertEquals(List.of(text("Look at "), link("https://x.org"), text(".")),
        MessageLinks.split("Look at https://x.org."));
  }

  @Test
  void aUrlInBracketsLosesTheClosingBracket() {
    assertEquals(List.of(text("("), link("https://x.org/page"), text(")")), MessageLinks.split("(https://x.org/page)"));
  }

  @Test
  void severalUrlsAreEachALink() {
    assertEquals(List.of(link("https://a.org"), text(" and "), link("http://b.org")),
        MessageLinks.split("https://a.org and http://b.org"));
  }

  @Test
  void otherSchemesAreNeverLinks() {
    assertFalse(MessageLinks.hasLinks("javascript:alert(1) file:///etc/passwd ftp://x.org mailto:a@b.org"));
  }

  @Test
  void aSchemeWithoutAHostIsNotALink() {
    assertEquals(List.of(text("https://")), MessageLinks.split("https://"));
  }

  @Test
  void aUrlGluedToAWordIsNotALink() {
    assertFalse(MessageLinks.hasLinks("xhttps://x.org"));
  }
}
