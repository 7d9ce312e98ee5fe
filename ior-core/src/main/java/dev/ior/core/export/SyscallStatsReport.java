package dev.ior.core.export;

import dev.ior.core.SessionCounters;
import dev.ior.core.analysis.Snapshot;
import dev.ior.core.stats.Distribution;
import dev.ior.core.stats.Row;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * A session's calls per syscall, as {@code strace -c} prints them at the end: calls,
 * failed calls, bytes moved, total time in the kernel and the latency's mean, median,
 * 95th and 99th percentile and maximum, then a total row. As an aligned text table
 * for people or as JSON for scripts.
 *
 * <p>Percentiles are within {@link #percentileError()} of the exact ones (1 %: the
 * snapshot's per-syscall HdrHistograms); counts, bytes, sums and maxima are exact.
 */
public final class SyscallStatsReport {

    /** What rows are sorted by: largest first, ties by name ({@link #NAME} ascending). */
    public enum Order {
        /** Total time in the kernel (as strace -c). */
        TIME(Line::timeNs),
        /** Calls. */
        CALLS(Line::calls),
        /** Failed calls. */
        ERRORS(Line::errors),
        /** Bytes moved. */
        BYTES(Line::bytes),
        /** Mean latency. */
        AVG(Line::avgNs),
        /** Median latency. */
        P50(Line::p50Ns),
        /** 95th percentile latency. */
        P95(Line::p95Ns),
        /** 99th percentile latency. */
        P99(Line::p99Ns),
        /** Largest latency. */
        MAX(Line::maxNs),
        /** Syscall name, ascending. */
        NAME(null);

        private final ToLongFunction<Line> key;

        Order(ToLongFunction<Line> key) {
            this.key = key;
        }

        Comparator<Line> comparator() {
            Comparator<Line> byName = Comparator.comparing(Line::syscall);
            return key == null ? byName : Comparator.comparingLong(key).reversed().thenComparing(byName);
        }
    }

    /**
     * One row of the report: one syscall, or all of them.
     *
     * @param syscall the syscall's name ({@code total} for the total row)
     * @param calls   completed calls
     * @param errors  failed calls
     * @param bytes   bytes read or written (a transfer's bytes once)
     * @param timeNs  time spent in the kernel, summed
     * @param avgNs   mean latency
     * @param p50Ns   median latency
     * @param p95Ns   95th percentile latency
     * @param p99Ns   99th percentile latency
     * @param maxNs   largest latency, exactly
     */
    public record Line(String syscall, long calls, long errors, long bytes, long timeNs, long avgNs, long p50Ns,
                       long p95Ns, long p99Ns, long maxNs) {
    }

    private static final String TEXT_ROW = "%-20s %10s %8s %14s %10s %10s %10s %10s %10s %10s%n";

    private final List<Line> lines;
    private final Line total;
    private final SessionCounters counters;
    private final double percentileError;

    private SyscallStatsReport(List<Line> lines, Line total, SessionCounters counters, double percentileError) {
        this.lines = List.copyOf(lines);
        this.total = total;
        this.counters = counters;
        this.percentileError = percentileError;
    }

    /** The report of {@code snapshot}'s syscall table, rows in {@code order}. */
    public static SyscallStatsReport of(Snapshot snapshot, Order order) {
        List<Line> lines = new ArrayList<>();
        long bytes = 0;
        long errors = 0;
        for (Row row : snapshot.syscalls().rows()) {
            // every call of one syscall moves bytes one way; a transfer counts them both ways, once here
            long moved = Math.max(row.bytesRead(), row.bytesWritten());
            lines.add(new Line(row.name(), row.count(), row.errors(), moved, row.totalLatencyNs(), row.avgLatencyNs(),
                    row.p50(), row.p95(), row.p99(), row.maxLatencyNs()));
            bytes += moved;
            errors += row.errors();
        }
        lines.sort(order.comparator());
        Distribution all = snapshot.latency();
        Line total = new Line("total", all.count(), errors, bytes, all.sumNs(), all.mean(), all.p50(), all.p95(),
                all.p99(), all.max());
        return new SyscallStatsReport(lines, total, snapshot.health().counters(),
                Math.max(snapshot.syscalls().percentileError(), all.relativeError()));
    }

    /** The syscall rows, in the report's order. */
    public List<Line> lines() {
        return lines;
    }

    /** All syscalls together. */
    public Line total() {
        return total;
    }

    /** The bound on the percentiles' relative error. */
    public double percentileError() {
        return percentileError;
    }

    /** Writes the aligned table: a header, one line per syscall, the total line. */
    public void writeText(OutputStream out) {
        TextBuffer text = new TextBuffer(out);
        text.text(String.format(Locale.ROOT, TEXT_ROW, "syscall", "calls", "errors", "bytes", "time", "avg", "p50",
                "p95", "p99", "max"));
        for (Line line : lines) {
            textLine(text, line);
        }
        textLine(text, total);
        text.flush();
    }

    private static void textLine(TextBuffer text, Line line) {
        text.text(String.format(Locale.ROOT, TEXT_ROW, line.syscall(), line.calls(), line.errors(), line.bytes(),
                duration(line.timeNs()), duration(line.avgNs()), duration(line.p50Ns()), duration(line.p95Ns()),
                duration(line.p99Ns()), duration(line.maxNs())));
    }

    /**
     * Writes one JSON object: the session's counters, one object per syscall (one line
     * each) and the total, times in nanoseconds.
     */
    public void writeJson(OutputStream out) {
        TextBuffer json = new TextBuffer(out);
        json.text("{\"events\":");
        json.number(counters.events());
        json.text(",\"lost_kernel\":");
        json.number(counters.lostKernel());
        json.text(",\"dropped_user\":");
        json.number(counters.droppedUser());
        json.text(",\"percentile_error\":");
        json.text(Double.toString(percentileError));
        json.text(",\"syscalls\":[\n");
        for (int i = 0; i < lines.size(); i++) {
            jsonLine(json, lines.get(i));
            json.text(i + 1 < lines.size() ? ",\n" : "\n");
        }
        json.text("],\"total\":");
        jsonLine(json, total);
        json.text("}\n");
        json.flush();
    }

    private static void jsonLine(TextBuffer json, Line line) {
        json.text("{\"syscall\":");
        json.jsonString(line.syscall());
        json.text(",\"calls\":");
        json.number(line.calls());
        json.text(",\"errors\":");
        json.number(line.errors());
        json.text(",\"bytes\":");
        json.number(line.bytes());
        json.text(",\"time_ns\":");
        json.number(line.timeNs());
        json.text(",\"avg_ns\":");
        json.number(line.avgNs());
        json.text(",\"p50_ns\":");
        json.number(line.p50Ns());
        json.text(",\"p95_ns\":");
        json.number(line.p95Ns());
        json.text(",\"p99_ns\":");
        json.number(line.p99Ns());
        json.text(",\"max_ns\":");
        json.number(line.maxNs());
        json.put('}');
    }

    /** A time with three significant digits and its unit: 812ns, 1.21us, 45.3ms, 2.00s. */
    static String duration(long ns) {
        if (ns < 1_000) {
            return ns + "ns";
        }
        String[] units = {"us", "ms", "s"};
        double value = ns / 1_000.0;
        int unit = 0;
        while (value >= 999.5 && unit < units.length - 1) {
            value /= 1_000;
            unit++;
        }
        String digits = value >= 99.95 ? "%.0f" : value >= 9.995 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits, value) + units[unit];
    }
}
