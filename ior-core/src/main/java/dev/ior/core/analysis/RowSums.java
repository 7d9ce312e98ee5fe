package dev.ior.core.analysis;

import dev.ior.core.Errno;
import dev.ior.core.stats.LatencySummary;
import dev.ior.core.stats.Row;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * The rows of one table (by syscall, path, pid or comm), summed from the fine keys at
 * each publication and kept in between. Scalars (counts, bytes, rates, errors) are
 * summed afresh every time, which is cheap; merging latency histograms and reading
 * percentiles is not, so it is redone only for rows that a changed key belongs to.
 * Pipeline thread only.
 */
final class RowSums {

    private int size;
    private double[] rate = new double[0];
    private long[] count = new long[0];
    private long[] latencySum = new long[0];
    private long[] latencyMax = new long[0];
    private long[] read = new long[0];
    private long[] written = new long[0];
    private long[] errors = new long[0];
    private long[] newest = new long[0];
    private int[] comm = new int[0];
    private boolean[] dirty = new boolean[0];
    private long[][] windows = new long[0][];
    private LatencySummary[] summaries = new LatencySummary[0];
    private long[][] percentiles = new long[0][];
    private Map<Integer, Map<String, Long>> errnos = new HashMap<>();

    /** Starts a publication over rows {@code 0..rows-1}; {@code rebuild} marks every row dirty. */
    void begin(int rows, boolean rebuild) {
        if (rows > rate.length) {
            int capacity = Math.max(rows, rate.length * 2);
            rate = Arrays.copyOf(rate, capacity);
            count = Arrays.copyOf(count, capacity);
            latencySum = Arrays.copyOf(latencySum, capacity);
            latencyMax = Arrays.copyOf(latencyMax, capacity);
            read = Arrays.copyOf(read, capacity);
            written = Arrays.copyOf(written, capacity);
            errors = Arrays.copyOf(errors, capacity);
            newest = Arrays.copyOf(newest, capacity);
            comm = Arrays.copyOf(comm, capacity);
            boolean[] moreDirty = new boolean[capacity];
            Arrays.fill(moreDirty, true); // rows never built before
            System.arraycopy(dirty, 0, moreDirty, 0, dirty.length);
            dirty = moreDirty;
            windows = Arrays.copyOf(windows, capacity);
            summaries = Arrays.copyOf(summaries, capacity);
            percentiles = Arrays.copyOf(percentiles, capacity);
        }
        size = rows;
        Arrays.fill(rate, 0, rows, 0);
        Arrays.fill(count, 0, rows, 0);
        Arrays.fill(latencySum, 0, rows, 0);
        Arrays.fill(latencyMax, 0, rows, 0);
        Arrays.fill(read, 0, rows, 0);
        Arrays.fill(written, 0, rows, 0);
        Arrays.fill(errors, 0, rows, 0);
        Arrays.fill(newest, 0, rows, -1);
        if (rebuild) {
            Arrays.fill(dirty, 0, rows, true);
        }
        errnos = new HashMap<>();
    }

    /** Adds the scalars of key {@code slot} to {@code row}; a key changed since the last publication dirties it. */
    void add(KeyTable keys, int slot, int row, double slotRate, boolean changed) {
        rate[row] += slotRate;
        long n = keys.count(slot);
        count[row] += n;
        latencySum[row] += keys.latencySum(slot);
        latencyMax[row] = Math.max(latencyMax[row], keys.latencyMax(slot));
        read[row] += keys.bytesRead(slot);
        written[row] += keys.bytesWritten(slot);
        int errno = keys.errno(slot);
        if (errno != 0) {
            errors[row] += n;
            errnos.computeIfAbsent(row, r -> new HashMap<>()).merge(Errno.name(errno), n, Long::sum);
        }
        if (keys.recency(slot) > newest[row]) {
            newest[row] = keys.recency(slot);
            comm[row] = keys.comm(slot);
        }
        dirty[row] |= changed;
    }

    /** Whether {@code row}'s histogram is to be merged afresh in this publication. */
    boolean isDirty(int row) {
        return dirty[row];
    }

    /** Empties the histograms of the dirty rows, before their keys are merged in again; whether there was one. */
    boolean clearDirtyHistograms() {
        boolean any = false;
        for (int row = 0; row < size; row++) {
            if (dirty[row]) {
                windows[row] = LogWindow.EMPTY;
                any = true;
            }
        }
        return any;
    }

    /** Gives dirty {@code row} the histogram the keys counted per event ({@link LogWindow}). */
    void useWindow(int row, long[] window) {
        windows[row] = window;
    }

    /** Rows are numbered below this in this publication. */
    int size() {
        return size;
    }

    /** Merges key {@code slot}'s histogram into {@code row} (a dirty one). */
    void merge(KeyTable keys, int slot, int row) {
        windows[row] = keys.addLatencies(windows[row], slot);
    }

    /**
     * Reads the percentiles of the dirty rows, from {@code exact} when given (a
     * histogram per row) or from the merged compact histograms; then every row is clean.
     */
    void finish(IntFunction<Histogram> exact) {
        for (int row = 0; row < size; row++) {
            if (!dirty[row] || count[row] == 0) {
                continue;
            }
            LatencySummary summary = exact == null ? LogWindow.summary(windows[row], count[row], latencyMax[row])
                    : LatencySummary.EMPTY;
            summaries[row] = summary;
            Histogram h = exact == null ? null : exact.apply(row);
            percentiles[row] = new long[] {percentile(summary, h, latencyMax[row], 50),
                percentile(summary, h, latencyMax[row], 95), percentile(summary, h, latencyMax[row], 99)};
            windows[row] = LogWindow.EMPTY; // the summary holds the counts now
            dirty[row] = false;
        }
    }

    /** Whether {@code row} counted any event in this publication. */
    boolean has(int row) {
        return row < size && count[row] > 0;
    }

    long count(int row) {
        return count[row];
    }

    long latencySum(int row) {
        return latencySum[row];
    }

    long latencyMax(int row) {
        return latencyMax[row];
    }

    int comm(int row) {
        return comm[row];
    }

    /** p50, p95 and p99 of {@code row}. */
    long[] percentiles(int row) {
        return percentiles[row];
    }

    /** The merged compact histogram of {@code row} (empty when its percentiles are exact). */
    LatencySummary summary(int row) {
        return summaries[row];
    }

    /** {@code row} as a table row. */
    Row row(int row, String name, String commName, String family, boolean other) {
        long[] p = percentiles[row];
        Map<String, Long> byErrno = errnos.get(row);
        return new Row(name, commName, family, other, count[row], rate[row], latencySum[row], p[0], p[1], p[2],
                latencyMax[row], read[row], written[row], errors[row],
                byErrno == null ? List.of() : Row.errnosByCount(byErrno), summaries[row]);
    }

    /** A percentile: from the exact histogram when there is one, never above the exact maximum. */
    static long percentile(LatencySummary summary, Histogram exact, long max, double percentile) {
        if (exact == null) {
            return summary.percentile(percentile);
        }
        return exact.getTotalCount() == 0 ? 0 : Math.min(exact.getValueAtPercentile(percentile), max);
    }
}
