package chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every complete frame docs/protocol.md shows — inline, or on a {@code >}/{@code <} line of a session — decodes,
 * and encodes back to exactly the text shown, so the page cannot drift from the codec.
 */
class ProtocolDocExamplesTest {
  private static final Path DOC = Path.of("..", "docs", "protocol.md");
  private static final Set<String> CLIENT_TYPES = Set.of("join", "sendMessage", "sendLocation", "loadHistory");
  private static final Pattern INLINE = Pattern.compile("`(\\{\"type\":[^`]*\\})`");
  private static final Pattern SESSION_LINE = Pattern.compile("^[<>] (\\{\"type\":.*\\})$");
  private static final Pattern TYPE = Pattern.compile("^\\{\"type\":\"([A-Za-z]*)\"");

  private final ProtocolCodec codec = new ProtocolCodec();

  @ParameterizedTest
  @MethodSource("examples")
  void theExampleIsWhatTheCodecWrites(String json) throws ProtocolException {
    Matcher type = TYPE.matcher(json);
    assertTrue(type.find(), json);
    String encoded = CLIENT_TYPES.contains(type.group(1))
        ? codec.encode(codec.decodeClient(json))
        : codec.encode(codec.decodeServer(json));
    assertEquals(json, encoded);
  }

  static Stream<String> examples() throws IOException {
    List<String> found = new ArrayList<>();
    for (String line : Files.readAllLines(DOC)) {
      Matcher session = SESSION_LINE.matcher(line);
      if (session.matches()) {
        found.add(session.group(1));
      }
      for (Matcher inline = INLINE.matcher(line); inline.find(); ) {
        found.add(inline.group(1));
      }
    }
    // Elided examples ("messages":[…]) show a shape, not a frame.
    List<String> complete = found.stream().filter(json -> !json.contains("…")).toList();
    assertTrue(complete.size() > 20, "found only " + complete.size() + " examples in " + DOC.toAbsolutePath());
    return complete.stream();
  }
}
