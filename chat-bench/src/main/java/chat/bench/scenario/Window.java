package chat.bench.scenario;

import chat.bench.probe.IoCounters;
import chat.bench.probe.ProcStats;
import chat.bench.probe.RedisProbe;
import chat.bench.probe.ServerProbe;
import chat.bench.report.RunReport;

/**
 * A measured interval: wall time, server CPU (user and kernel), the server's I/O system calls and this
 * generator's own CPU between start and stop. For a cluster "the server" is every process of it: the nodes and
 * the Redis they share, whose own CPU and commands are also reported apart.
 */
final class Window {
  /** Above this share of one core the generator, not the server, may be what limits the run. */
  private static final double GENERATOR_BOUND_SHARE = 0.9;

  private final ServerProbe server;
  private final RedisProbe redis;
  private final long startNanos;
  private final double[] serverStart;
  private final double redisStart;
  private final long commandsStart;
  private final double selfStart;
  private final IoCounters ioStart;
  private long wallNanos;
  private double serverCpu;
  private double serverSys;
  private double redisCpu;
  private long redisCommands = -1;
  private double selfCpu;
  private IoCounters io = IoCounters.UNKNOWN;

  private Window(ServerProbe server, RedisProbe redis) {
    this.server = server;
    this.redis = redis;
    this.commandsStart = redis.commandsProcessed(); // before the CPU: the INFO's own work stays out of the window
    double[] redisSplit = redis.cpuSplit();
    this.serverStart = sum(server.cpuSplit(), redisSplit);
    this.redisStart = seconds(redisSplit);
    this.ioStart = server.io().plus(redis.io());
    this.selfStart = ProcStats.cpuSeconds("self");
    this.startNanos = System.nanoTime();
  }

  static Window start(ServerProbe server) {
    return new Window(server, RedisProbe.NONE);
  }

  /** A cluster's window: its nodes ({@code server}) and their Redis. */
  static Window start(ServerProbe server, RedisProbe redis) {
    return new Window(server, redis);
  }

  Window stop() {
    wallNanos = System.nanoTime() - startNanos;
    double[] redisSplit = redis.cpuSplit();
    double[] end = sum(server.cpuSplit(), redisSplit);
    redisCpu = redis.present() && redisStart >= 0 && redisSplit[0] >= 0 ? seconds(redisSplit) - redisStart : -1;
    io = server.io().plus(redis.io()).minus(ioStart);
    redisCommands = RedisProbe.commandsBetween(commandsStart, redis.commandsProcessed());
    serverCpu = server.present() ? end[0] + end[1] - serverStart[0] - serverStart[1] : -1;
    serverSys = server.present() ? end[1] - serverStart[1] : -1;
    selfCpu = ProcStats.cpuSeconds("self") - selfStart;
    return this;
  }

  /** {user, system} of two processes together; {-1, -1} when either is unreadable. */
  private static double[] sum(double[] a, double[] b) {
    return a[0] < 0 || b[0] < 0 ? new double[] {-1, -1} : new double[] {a[0] + b[0], a[1] + b[1]};
  }

  private static double seconds(double[] split) {
    return split[0] < 0 ? -1 : split[0] + split[1];
  }

  double wallSeconds() {
    return wallNanos / 1e9;
  }

  double serverCpuSeconds() {
    return serverCpu;
  }

  /** The server's system time as a share of its CPU over the window; -1 without a pid. */
  double serverKernelShare() {
    return serverCpu > 0 ? serverSys / serverCpu : -1;
  }

  /** The server's write-family calls and bytes over the window (see {@link IoCounters}). */
  IoCounters serverIo() {
    return io;
  }

  /** The generator's CPU over the window as a share of one core. */
  double generatorCpuShare() {
    return selfCpu / wallSeconds();
  }

  /** Adds the window's timings; {@code deliveries} sets the per-delivery figures when positive. */
  void report(RunReport report, long deliveries) {
    report.put("window_s", wallSeconds());
    report.put("server_cpu_s", serverCpu);
    report.put("server_sys_s", serverSys);
    report.put("server_cpu_share", serverCpu / wallSeconds());
    report.put("server_kernel_share", serverKernelShare());
    report.put("server_cpu_before_window_s", serverStart[0] < 0 ? -1.0 : serverStart[0] + serverStart[1]);
    reportIo(report);
    if (deliveries > 0) {
      report.put("deliveries_per_s", deliveries / wallSeconds());
      report.put("server_cpu_us_per_delivery", serverCpu < 0 ? -1.0 : serverCpu * 1e6 / deliveries);
      report.put("server_writes_per_delivery", io.known() ? io.syscw() / (double) deliveries : -1.0);
      report.put("server_write_bytes_per_delivery", io.known() ? io.wchar() / (double) deliveries : -1.0);
    }
    report.put("generator_cpu_s", selfCpu);
    double share = generatorCpuShare();
    report.put("generator_cpu_share", share);
    report.put("generator_bound", share > GENERATOR_BOUND_SHARE);
    if (redis.present()) {
      reportRedis(report, deliveries);
    }
  }

  /** Redis's part of the server CPU above, and the commands it executed (not counting this window's INFO). */
  private void reportRedis(RunReport report, long deliveries) {
    boolean known = serverCpu >= 0 && redisCpu >= 0;
    report.put("redis_cpu_s", known ? redisCpu : -1.0);
    report.put("nodes_cpu_s", known ? serverCpu - redisCpu : -1.0);
    report.put("redis_cpu_share", known && serverCpu > 0 ? redisCpu / serverCpu : -1.0);
    report.put("redis_commands", redisCommands);
    if (deliveries > 0) {
      report.put("redis_cpu_us_per_delivery", known ? redisCpu * 1e6 / deliveries : -1.0);
      report.put("nodes_cpu_us_per_delivery", known ? (serverCpu - redisCpu) * 1e6 / deliveries : -1.0);
    }
  }

  /** Redis commands per message sent in the window, when there is a Redis; {@code messages} delivered to rooms. */
  void reportPerMessage(RunReport report, long messages) {
    if (redis.present() && messages > 0) {
      report.put("redis_commands_per_message", redisCommands < 0 ? -1.0 : redisCommands / (double) messages);
    }
  }

  /** Write-family calls on any descriptor, not only sockets (see {@link IoCounters}). */
  private void reportIo(RunReport report) {
    report.put("server_syscw", io.syscw()).put("server_syscr", io.syscr()).put("server_wchar_bytes", io.wchar());
  }
}
