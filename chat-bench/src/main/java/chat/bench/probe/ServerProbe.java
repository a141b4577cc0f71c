package chat.bench.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the server process: CPU and RSS from /proc, heap after a full GC through {@code jcmd} (a JVM) or
 * the reference server's {@code /debug/memory} (node with --expose-gc). Without a pid every reading is -1.
 * A cluster's nodes are measured as one server: the readings of every pid given are summed.
 */
public final class ServerProbe {
  /** Heap lines of GC.heap_info, e.g. "garbage-first heap total 65536K, used 2048K" or "tenured generation". */
  private static final Pattern HEAP_USED = Pattern.compile("(?m)^\\s*\\S.*\\btotal \\d+K, used (\\d+)K");
  private static final Pattern NODE_HEAP_USED = Pattern.compile("\"heapUsed\":(\\d+)");

  private final List<String> pids;
  private final String kind;
  private final List<Integer> httpPorts;

  /**
   * {@code pids}: comma-separated, one per node (null: no server to measure); {@code kind} is "java" or "node";
   * {@code httpPorts}: the node servers' HTTP ports, in the same order (only used for node).
   */
  public ServerProbe(String pids, String kind, List<Integer> httpPorts) {
    this.pids = pids == null ? List.of() : Arrays.asList(pids.split(","));
    this.kind = kind;
    this.httpPorts = List.copyOf(httpPorts);
  }

  public boolean present() {
    return !pids.isEmpty();
  }

  public double cpuSeconds() {
    double[] split = cpuSplit();
    return split[0] < 0 ? -1 : split[0] + split[1];
  }

  /**
   * Waits until the server is idle: it used at most one clock tick of CPU (10 ms) per node in the last half second, or
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
      if (now - before <= IDLE_CPU_SECONDS * pids.size()) {
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

  /** {user, system} CPU seconds, summed over the pids; {-1, -1} without a pid or when one is unreadable. */
  public double[] cpuSplit() {
    double[] sum = {0, 0};
    for (String pid : pids) {
      double[] split = ProcStats.cpuSplit(pid);
      if (split[0] < 0) {
        return new double[] {-1, -1};
      }
      sum[0] += split[0];
      sum[1] += split[1];
    }
    return present() ? sum : new double[] {-1, -1};
  }

  /** I/O system-call counters, summed; {@link IoCounters#UNKNOWN} without a pid or when one is unreadable. */
  public IoCounters io() {
    IoCounters sum = present() ? new IoCounters(0, 0, 0, 0) : IoCounters.UNKNOWN;
    for (String pid : pids) {
      sum = sum.plus(ProcStats.io(pid));
    }
    return sum;
  }

  public long rssKib() {
    return sum(ProcStats::rssKib);
  }

  public long openFds() {
    return sum(ProcStats::openFds);
  }

  /** The sum of a reading over the pids; -1 without a pid or when any reading is -1. */
  private long sum(ToLongFunction<String> reading) {
    long sum = 0;
    for (String pid : pids) {
      long value = reading.applyAsLong(pid);
      if (value < 0) {
        return -1;
      }
      sum += value;
    }
    return present() ? sum : -1;
  }

  /** Heap in use right after a full collection, KiB, summed over the nodes; -1 when it cannot be measured. */
  public long heapAfterGcKib() {
    long sum = 0;
    for (int node = 0; node < pids.size(); node++) {
      long heap = heapAfterGcKib(node);
      if (heap < 0) {
        return -1;
      }
      sum += heap;
    }
    return present() ? sum : -1;
  }

  private long heapAfterGcKib(int node) {
    try {
      if (kind.equals("node")) {
        return nodeHeapUsed(httpPorts.get(Math.min(node, httpPorts.size() - 1))) / 1024;
      }
      String pid = pids.get(node);
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

  private static long nodeHeapUsed(int httpPort) throws IOException, InterruptedException {
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
