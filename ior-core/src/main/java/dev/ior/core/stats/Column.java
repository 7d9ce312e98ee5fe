package dev.ior.core.stats;

import java.util.Comparator;

/** A sortable column of a {@link Table}. */
public enum Column {
    /** The key. */
    NAME(Comparator.comparing(Row::name)),
    /** The command name of pid rows. */
    COMM(Comparator.comparing(Row::comm)),
    /** Events. */
    COUNT(Comparator.comparingLong(Row::count)),
    /** Events per second. */
    RATE(Comparator.comparingDouble(Row::ratePerSecond)),
    /** Mean latency. */
    AVG(Comparator.comparingLong(Row::avgLatencyNs)),
    /** Median latency. */
    P50(Comparator.comparingLong(Row::p50)),
    /** 95th percentile latency. */
    P95(Comparator.comparingLong(Row::p95)),
    /** 99th percentile latency. */
    P99(Comparator.comparingLong(Row::p99)),
    /** Largest latency. */
    MAX(Comparator.comparingLong(Row::maxLatencyNs)),
    /** Total latency. */
    TOTAL(Comparator.comparingLong(Row::totalLatencyNs)),
    /** Bytes read. */
    BYTES_READ(Comparator.comparingLong(Row::bytesRead)),
    /** Bytes written. */
    BYTES_WRITTEN(Comparator.comparingLong(Row::bytesWritten)),
    /** Failed calls. */
    ERRORS(Comparator.comparingLong(Row::errors)),
    /** The family of syscall rows. */
    FAMILY(Comparator.comparing(Row::family));

    private final Comparator<Row> ascending;

    Column(Comparator<Row> ascending) {
        this.ascending = ascending;
    }

    /** Rows in order of this column, largest first when {@code descending}; ties by name, ascending. */
    public Comparator<Row> order(boolean descending) {
        return (descending ? ascending.reversed() : ascending).thenComparing(Row::name).thenComparing(Row::comm);
    }
}
