package dev.ior.cli;

import dev.ior.core.flame.FlameMetric;
import dev.ior.core.flame.FlameOrder;
import picocli.CommandLine.Option;

/** The flamegraph's ordering and metric, as the original's -fields and -count spell them. */
final class FlameOptions {

    @Option(names = {"--fields", "-fields"}, paramLabel = "DIMS", defaultValue = "comm,syscall,path",
            description = "The flamegraph's frames, root first, from comm, pid, tid, syscall (or tracepoint), path "
                    + "(default: ${DEFAULT-VALUE}).")
    String fields;

    @Option(names = {"--count", "-count"}, paramLabel = "METRIC", defaultValue = "count",
            description = "What the flamegraph's widths measure: count or bytes (default: ${DEFAULT-VALUE}).")
    String count;

    /** The ordering; a usage error names a wrong field. */
    FlameOrder order() {
        return FlameOrder.parse(fields);
    }

    /** The metric; a usage error names a wrong one. */
    FlameMetric metric() {
        return FlameMetric.of(count);
    }
}
