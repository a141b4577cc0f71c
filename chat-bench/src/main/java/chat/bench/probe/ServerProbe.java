package chat.bench.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the server process: CPU and RSS from /proc, heap after a full GC through {@code jcmd} (a JVM) or
 * the reference server's {@code /debug/memory} (node with --expose-gc). Without a pid every reading is -1.
 */
public final class ServerProbe {
  /** Heap lines of GC.heap_info, e.g. "garbage-first heap total 65536K, used 2048K" or "tenured generation". */
  private static final Pattern HEAP_USED = Pattern.compile("(?m)^\\s*\\S.*\\btotal \\d+K, used (\\d+)K");
  private static final Pattern NODE_HEAP_USED = Pattern.compile("\"heapUsed\":(\\d+)");

  private final String pid;
  private final String kind;
  private final int httpPort;

  /** {@code kind} is "java" or "node"; {@code httpPort} is only used for node. */
  public ServerProbe(String pid, String kind, int httpPort) {
    this.pid = pid;
    this.kind = kind;
    this.httpPort = httpPort;
  }

  public boolean present() {
    return pid != null;
  }

  public double cpuSeconds() {
    return present() ? ProcStats.cpuSeconds(pid) : -1;
  }

  /**
   * Waits until the server is idle: it used at most one clock tick of CPU (10 ms) in the last half second, or
   * {@code timeoutMillis} passed. A JVM keeps compiling for a while after a burst of work; a measurement that
   * starts before that ends charges the compiler's backlog to the scenario. Returns the seconds waited (0
   * without a pid).
   */
  public double awaitIdle(long timeoutMillis) {
    if (!present()) {
      return 0;
    }
    long start = System.nanoTime();
    long deadline = start + timeoutMillis * 1_000_000;
    double before = cpuSeconds();
    while (System.nanoTime() < deadline) {
      pause(IDLE_SAMPLE_MILLIS);
      double now = cpuSeconds();
      if (now - before <= IDLE_CPU_SECONDS) {
        break;
      }
      before = now;
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static final long IDLE_SAMPLE_MILLIS = 500;
  private static final double IDLE_CPU_SECONDS = 0.011;

  private static void pause(long millis) {
    if (!Pause.millis(millis)) {
      throw new IllegalStateException("interrupted while waiting for the server to go idle");
    }
  }

  /** {user, system} CPU seconds; {-1, -1} without a pid. */
  public double[] cpuSplit() {
    return present() ? ProcStats.cpuSplit(pid) : new double[] {-1, -1};
  }

  /** I/O system-call counters; {@link IoCounters#UNKNOWN} without a pid. */
  public IoCounters io() {
    return present() ? ProcStats.io(pid) : IoCounters.UNKNOWN;
  }

  public long rssKib() {
    return present() ? ProcStats.rssKib(pid) : -1;
  }

  public long openFds() {
    return present() ? ProcStats.openFds(pid) : -1;
  }

  /** Heap in use right after a full collection, KiB; -1 when it cannot be measured. */
  public long heapAfterGcKib() {
    if (!present()) {
      return -1;
    }
    try {
      if (kind.equals("node")) {
        return nodeHeapUsed() / 1024;
      }
      run("jcmd", pid, "GC.run");
      Matcher used = HEAP_USED.matcher(run("jcmd", pid, "GC.heap_info"));
      long total = 0;
      boolean found = false;
      while (used.find()) {
        total += Long.parseLong(used.group(1));
        found = true;
      }
      return found ? total : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private long nodeHeapUsed() throws IOException, InterruptedException {
    // HTTP/1.1 only: engine.io treats the default h2c Upgrade header as a bad WebSocket upgrade and hangs up
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/debug/memory"))
        .timeout(Duration.ofSeconds(30)).build();
    Matcher used = NODE_HEAP_USED.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    return used.find() ? Long.parseLong(used.group(1)) : -1024;
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
