package chat.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The product name and version {@code --version} prints. */
final class ServerVersion {
  private static final String RESOURCE = "version.properties";

  private ServerVersion() {}

  /** E.g. {@code chat-server 1.0.0}: the jar manifest's, or else the one Maven wrote beside the classes. */
  static String describe() {
    Package pkg = ServerVersion.class.getPackage();
    if (pkg.getImplementationTitle() != null && pkg.getImplementationVersion() != null) {
      return pkg.getImplementationTitle() + " " + pkg.getImplementationVersion();
    }
    Properties built = built();
    return built.getProperty("name", "chat-server") + " " + built.getProperty("version", "(unknown version)");
  }

  /** Just the version, e.g. {@code 1.0.0}, for the metrics' {@code chat_server_info}. */
  static String number() {
    String version = ServerVersion.class.getPackage().getImplementationVersion();
    return version != null ? version : built().getProperty("version", "unknown");
  }

  /** Run from classes rather than the jar (tests, an IDE) there is no manifest to read. */
  private static Properties built() {
    Properties properties = new Properties();
    try (InputStream in = ServerVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    return properties;
  }
}
