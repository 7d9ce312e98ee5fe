package dev.ior.cli;

import dev.ior.core.Adaptive;
import dev.ior.core.IorException;
import dev.ior.core.KernelFilter;
import dev.ior.core.Sampling;
import dev.ior.core.TraceSettings;
import dev.ior.core.syscall.SyscallPattern;
import dev.ior.core.syscall.SyscallTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * What every tracing subcommand takes: the kernel-side filters, the probe set, the
 * sampling, adaptive narrowing, the ring size and how long to run. Single-dash spellings of the original ior's flags
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

    @Option(names = {"--trace-families", "-trace-families"}, split = ",", paramLabel = "FAMILY",
            description = "Trace every syscall of these families: FS, Network, Memory, Signals, Sched, IPC, Time, "
                    + "Process, Security, Polling, AIO, Misc (any case); also default (what ior traces without "
                    + "options: the FS family, mmap, io_uring, aio and the calls that make fds) and all.")
    List<String> families = new ArrayList<>();

    @Option(names = {"--trace-kinds", "-trace-kinds"}, split = ",", paramLabel = "KIND",
            description = "Trace every syscall with an argument of these kinds: fd (an open file descriptor), "
                    + "path (a file name), none (neither).")
    List<String> kinds = new ArrayList<>();

    @Option(names = {"--trace-syscalls", "-trace-syscalls", "--syscalls"}, split = ",", paramLabel = "PATTERN",
            description = "Trace these syscalls: names as in tracefs or globs (open*, io_uring:*). The --trace-... "
                    + "options add up; none of them: the default set.")
    List<String> syscalls = new ArrayList<>();

    @Option(names = {"--no-trace-families", "-no-trace-families"}, split = ",", paramLabel = "FAMILY",
            description = "Do not trace the syscalls of these families.")
    List<String> noFamilies = new ArrayList<>();

    @Option(names = {"--no-trace-kinds", "-no-trace-kinds"}, split = ",", paramLabel = "KIND",
            description = "Do not trace syscalls with an argument of these kinds.")
    List<String> noKinds = new ArrayList<>();

    @Option(names = {"--no-trace-syscalls", "-no-trace-syscalls", "--no-syscalls"}, split = ",",
            paramLabel = "PATTERN", description = "Do not trace these syscalls (names or globs). An exclusion wins "
                    + "over every --trace-... option.")
    List<String> noSyscalls = new ArrayList<>();

    @Option(names = {"--follow", "-follow"},
            description = "Also trace every process the --pid processes fork, and theirs, decided in the kernel: "
                    + "the short-lived children of a build or a test run are never missed.")
    boolean follow;

    @Option(names = {"--sample-families", "-sample-families"}, split = ",", paramLabel = "FAMILY=N",
            description = "Sample these families' calls in the kernel: 1 every call (the default), N about one call "
                    + "in N, 0 none (counted in the kernel only). Totals stay exact; gaps are then measured between "
                    + "the calls that became events. io_uring operations are not sampled.")
    Map<String, Integer> sampleFamilies = new LinkedHashMap<>();

    @Option(names = {"--sample-syscalls", "-sample-syscalls"}, split = ",", paramLabel = "PATTERN=N",
            description = "Sample these syscalls (names or globs) likewise; a syscall's own rate wins over its "
                    + "family's.")
    Map<String, Integer> sampleSyscalls = new LinkedHashMap<>();

    @Option(names = "--adaptive",
            description = "When events keep being lost (3 s in a row with a full ring), count the syscall with the "
                    + "most events in the kernel only (as --sample-syscalls NAME=0: exact totals in the summary), "
                    + "then one more per further second with losses, each with a warning. Calls that change fd "
                    + "tables are never narrowed; nothing is restored during the run.")
    boolean adaptive;

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
        if (follow && pids.isEmpty()) {
            throw new IorException("--follow follows the processes of --pid: name at least one",
                    IorException.USAGE_ERROR, null);
        }
        KernelFilter filter = new KernelFilter(Set.copyOf(pids), tid, comm, minLatency.toNanos(), follow);
        Set<String> patterns = syscallPatterns();
        SyscallTable.builtIn().select(patterns); // a selection that matches nothing is a usage error, before loading
        return new TraceSettings(filter, patterns, ringBytes, sampling(), adaptive ? Adaptive.ON : Adaptive.OFF);
    }

    /**
     * The settings for reading a recording: the filters apply (pid, tid, comm, syscalls,
     * minimum latency); what only a live kernel does is refused rather than ignored.
     */
    TraceSettings settingsForRecording() {
        List<String> liveOnly = new ArrayList<>();
        if (follow) {
            liveOnly.add("--follow");
        }
        if (!sampleFamilies.isEmpty() || !sampleSyscalls.isEmpty()) {
            liveOnly.add("--sample-...");
        }
        if (adaptive) {
            liveOnly.add("--adaptive");
        }
        if (ringBytes != TraceSettings.DEFAULT_RING_BYTES) {
            liveOnly.add("--ring-size");
        }
        if (duration != null) {
            liveOnly.add("--duration");
        }
        if (!liveOnly.isEmpty()) {
            throw new IorException(String.join(", ", liveOnly) + (liveOnly.size() == 1 ? " applies" : " apply")
                    + " to live tracing, not to a recording", IorException.USAGE_ERROR, null);
        }
        return settings();
    }

    /** --sample-families and --sample-syscalls as one sampling; a syscall's own rate wins. */
    private Sampling sampling() {
        Map<String, Integer> rates = new LinkedHashMap<>();
        sampleFamilies.forEach((family, rate) -> rates.put(SyscallPattern.FAMILY + family, rate));
        rates.putAll(sampleSyscalls);
        return new Sampling(rates);
    }

    /** The --trace-... and --no-trace-... options as the session's syscall patterns (SyscallPattern). */
    private Set<String> syscallPatterns() {
        Set<String> patterns = new LinkedHashSet<>();
        families.forEach(family -> patterns.add(familyPattern(family)));
        kinds.forEach(kind -> patterns.add(SyscallPattern.KIND + kind));
        patterns.addAll(syscalls);
        noFamilies.forEach(family -> patterns.add("!" + familyPattern(family)));
        noKinds.forEach(kind -> patterns.add("!" + SyscallPattern.KIND + kind));
        noSyscalls.forEach(pattern -> patterns.add("!" + pattern));
        return patterns;
    }

    private static String familyPattern(String family) {
        return switch (family.toLowerCase(Locale.ROOT)) {
            case "default" -> SyscallPattern.DEFAULT;
            case "all" -> "*";
            default -> SyscallPattern.FAMILY + family;
        };
    }
}
