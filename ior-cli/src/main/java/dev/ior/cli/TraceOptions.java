package dev.ior.cli;

import dev.ior.core.KernelFilter;
import dev.ior.core.TraceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * What every tracing subcommand takes: the kernel-side filters, the probe set, the
 * ring size and how long to run. Single-dash spellings of the original ior's flags
 * are accepted as aliases so its users' scripts keep working.
 */
final class TraceOptions {

    @Option(names = {"--pid", "-pid", "-p"}, split = ",", paramLabel = "PID",
            description = "Trace only these processes (repeat or comma-separate).")
    List<Integer> pids = new ArrayList<>();

    @Option(names = {"--tid", "-tid"}, paramLabel = "TID", description = "Trace only this thread.")
    int tid;

    @Option(names = {"--comm", "-comm"}, paramLabel = "NAME",
            description = "Trace only processes with this exact command name (at most 15 bytes).")
    String comm = "";

    @Option(names = "--syscalls", split = ",", paramLabel = "NAME",
            description = "Trace only these syscalls (default: every syscall ior knows).")
    List<String> syscalls = new ArrayList<>();

    @Option(names = "--min-latency", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Drop calls faster than this, in the kernel (e.g. 1ms).")
    Duration minLatency = Duration.ZERO;

    @Option(names = "--ring-size", paramLabel = "BYTES", converter = SizeConverter.class,
            description = "Size of the kernel ring buffer, a power of two (default: 16M).")
    long ringBytes = TraceSettings.DEFAULT_RING_BYTES;

    @Option(names = {"--duration", "-duration", "-d"}, paramLabel = "TIME", converter = DurationConverter.class,
            description = "Stop after this long (e.g. 10, 30s, 5m); default: until Ctrl-C.")
    Duration duration;

    @Option(names = {"--verbose", "-v"}, description = "Print libbpf's and ior's debug output on stderr.")
    boolean verbose;

    TraceSettings settings() {
        KernelFilter filter = new KernelFilter(Set.copyOf(pids), tid, comm, minLatency.toNanos(), false);
        return new TraceSettings(filter, new LinkedHashSet<>(syscalls), ringBytes);
    }
}
