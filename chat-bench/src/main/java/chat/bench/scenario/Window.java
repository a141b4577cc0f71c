package chat.bench.scenario;

import chat.bench.probe.IoCounters;
import chat.bench.probe.ProcStats;
import chat.bench.probe.ServerProbe;
import chat.bench.report.RunReport;

/**
 * A measured interval: wall time, server CPU (user and kernel), the server's I/O system calls and this
 * generator's own CPU between start and stop.
 */
final class Window {
  /** Above this share of one core the generator, not the server, may be what limits the run. */
  private static final double GENERATOR_BOUND_SHARE = 0.9;

  private final ServerProbe server;
  private final long startNanos;
  private final double[] serverStart;
  private final double selfStart;
  private final IoCounters ioStart;
  private long wallNanos;
  private double serverCpu;
  private double serverSys;
  private double selfCpu;
  private IoCounters io = IoCounters.UNKNOWN;

  private Window(ServerProbe server) {
    this.server = server;
    this.serverStart = server.cpuSplit();
    this.ioStart = server.io();
    this.selfStart = ProcStats.cpuSeconds("self");
    this.startNanos = System.nanoTime();
  }

  static Window start(ServerProbe server) {
    return new Window(server);
  }

  Window stop() {
    wallNanos = System.nanoTime() - startNanos;
    double[] end = server.cpuSplit();
    io = server.io().minus(ioStart);
    serverCpu = server.present() ? end[0] + end[1] - serverStart[0] - serverStart[1] : -1;
    serverSys = server.present() ? end[1] - serverStart[1] : -1;
    selfCpu = ProcStats.cpuSeconds("self") - selfStart;
    return this;
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
  }

  /** Write-family calls on any descriptor, not only sockets (see {@link IoCounters}). */
  private void reportIo(RunReport report) {
    report.put("server_syscw", io.syscw()).put("server_syscr", io.syscr()).put("server_wchar_bytes", io.wchar());
  }
}
