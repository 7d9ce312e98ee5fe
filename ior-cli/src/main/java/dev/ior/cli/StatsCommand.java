package dev.ior.cli;

import dev.ior.core.IorSession;
import dev.ior.core.export.SyscallStatsReport;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ior stats}: counts calls per syscall with the full analysis (fd→path, every
 * aggregation), live until --duration or Ctrl-C or over a recording, then prints one
 * table, as {@code strace -c} does.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Count calls, errors, bytes and latency per syscall, live until --duration expires or Ctrl-C "
                + "(or over a recording with --input), then print one table (like strace -c).")
final class StatsCommand implements Callable<Integer> {

    /** The report formats. */
    enum Format {
        table, json
    }

    /** Sort keys as the command line spells them. */
    enum Sort {
        time, calls, errors, bytes, avg, p50, p95, p99, max, name;

        SyscallStatsReport.Order order() {
            return SyscallStatsReport.Order.valueOf(name().toUpperCase(Locale.ROOT));
        }
    }

    @Mixin
    TraceOptions options;

    @Mixin
    InputOptions input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"--sort", "-S"}, paramLabel = "COLUMN", defaultValue = "time",
            description = "Sort rows by ${COMPLETION-CANDIDATES}, largest first (name: alphabetical; "
                    + "default: ${DEFAULT-VALUE}, the total time in the kernel).")
    Sort sort;

    @Override
    public Integer call() throws Exception {
        IorSession session = input.builder().settings(input.settings(options)).build();
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        Runnable printReport = () -> {
            SyscallStatsReport report = SyscallStatsReport.of(session.snapshot(), sort.order());
            if (format == Format.json) {
                report.writeJson(out);
            } else {
                report.writeText(out);
            }
        };
        Runnable announce = () -> System.err.println("ior: counting syscalls " + (input.input != null
                ? "in " + input.input : options.duration == null ? "until Ctrl-C"
                : "for " + seconds(options.duration)));
        Duration runFor = input.input != null ? null : options.duration;
        return new SessionRunner(session, runFor, Duration.ofSeconds(30)).run(announce, printReport, () -> { });
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }
}
