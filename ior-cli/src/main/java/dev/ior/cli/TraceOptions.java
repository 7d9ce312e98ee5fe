package dev.ior.cli;

import dev.ior.core.KernelFilter;
import dev.ior.core.TraceSettings;
import dev.ior.core.syscall.SyscallTable;
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

    @Option(names = "--syscalls", split = ",", paramLabel = "PATTERN",
            description = "Trace only these syscalls: names as in tracefs or globs (open*, io_uring:*); "
                    + "default: every syscall and io_uring operation ior knows.")
    List<String> syscalls = new ArrayList<>();

    @Option(names = "--no-syscalls", split = ",", paramLabel = "PATTERN",
            description = "Do not trace these syscalls (names or globs), applied after --syscalls.")
    List<String> noSyscalls = new ArrayList<>();

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
        Set<String> patterns = new LinkedHashSet<>(syscalls);
        noSyscalls.forEach(pattern -> patterns.add("!" + pattern));
        SyscallTable.builtIn().select(patterns); // a pattern that matches nothing is a usage error, before any loading
        return new TraceSettings(filter, patterns, ringBytes);
    }
}
