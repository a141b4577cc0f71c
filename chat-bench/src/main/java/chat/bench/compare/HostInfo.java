package chat.bench.compare;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a comparison ran on, for the results file. */
final class HostInfo {
  private HostInfo() {}

  static JsonObject describe() {
    JsonObject host = new JsonObject();
    host.addProperty("nproc", Runtime.getRuntime().availableProcessors());
    host.addProperty("cpu", cpuModel());
    host.addProperty("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    host.addProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    return host;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
