package chat.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LengthLimitTest {
  @Test
  void whatFitsIsKept() {
    assertEquals("abc", LengthLimit.keep("abc", 10, 64));
    assertEquals("abc", LengthLimit.keep("abc", 64, 64));
  }

  @Test
  void aPasteIsCutToFit() {
    assertEquals("ab", LengthLimit.keep("abcde", 67, 64));
  }

  @Test
  void typingAtTheLimitAddsNothing() {
    assertEquals("", LengthLimit.keep("a", 65, 64));
  }

  @Test
  void deletingFromATextOverTheLimitIsAllowed() {
    assertEquals("", LengthLimit.keep("", 70, 64));
  }

  @Test
  void aReplacementThatStaysOverTheLimitKeepsNothingOfTheInsertion() {
    assertEquals("", LengthLimit.keep("xy", 70, 64));
  }

  @Test
  void countsCharactersAndNeverSplitsOne() {
    assertEquals("😀😀", LengthLimit.keep("😀😀😀", 33, 32));
    assertEquals("😀".repeat(32), LengthLimit.keep("😀".repeat(32), 32, 32));
  }
}
