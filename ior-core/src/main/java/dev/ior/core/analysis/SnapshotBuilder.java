package dev.ior.core.analysis;

import dev.ior.core.Errno;
import dev.ior.core.flame.FlameGraph;
import dev.ior.core.stats.Distribution;
import dev.ior.core.stats.LatencySummary;
import dev.ior.core.stats.LogBuckets;
import dev.ior.core.stats.Row;
import dev.ior.core.stats.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * Sums the fine keys that pass the key frames into the rows of every table, the
 * histograms and the flamegraph's keyed counts, in one pass at publication time.
 * Percentiles come from the exact per-syscall histograms when no key frame narrows
 * the view (syscall rows and latency/gap histograms), from the merged compact
 * histograms otherwise (and always for file, process and comm rows).
 */
final class SnapshotBuilder {

    /** HdrHistogram at two significant digits. */
    private static final double EXACT_ERROR = 0.01;

    private final Names names;
    private final KeyStore store;
    private final List<CompiledFrame> keyFrames;
    private final boolean exact;
    private final Int2ObjectHashMap<Sum> bySyscall = new Int2ObjectHashMap<>();
    private final Int2ObjectHashMap<Sum> byFile = new Int2ObjectHashMap<>();
    private final Int2ObjectHashMap<Sum> byPid = new Int2ObjectHashMap<>();
    private final Int2ObjectHashMap<Sum> byComm = new Int2ObjectHashMap<>();
    private final Sum overall = new Sum();

    /** What the keys of one row add up to. */
    private static final class Sum {
        final LogHistogram latency = new LogHistogram();
        final LogHistogram gap = new LogHistogram();
        final Map<String, Long> errnos = new HashMap<>();
        double rate;
        long read;
        long written;
        long errors;
        long newest = -1;
        int comm;

        void add(KeyTable keys, int slot, double slotRate) {
            latency.add(keys.latency[slot]);
            gap.add(keys.gap[slot]);
            rate += slotRate;
            read += keys.bytesRead[slot];
            written += keys.bytesWritten[slot];
            int errno = keys.errno(slot);
            if (errno != 0) {
                errors += keys.count(slot);
                errnos.merge(Errno.name(errno), keys.count(slot), Long::sum);
            }
            if (keys.recency[slot] > newest) {
                newest = keys.recency[slot];
                comm = keys.comm(slot);
            }
        }
    }

    SnapshotBuilder(Names names, KeyStore store, List<CompiledFrame> keyFrames, long nowSecond, double fraction) {
        this.names = names;
        this.store = store;
        this.keyFrames = keyFrames;
        this.exact = keyFrames.isEmpty();
        KeyTable keys = store.keys;
        for (int s = 0; s < keys.highWater(); s++) {
            if (!keys.isLive(s) || !passes(keys, s)) {
                continue;
            }
            double rate = keys.rate(s, nowSecond, fraction);
            bySyscall.computeIfAbsent(keys.syscall(s), k -> new Sum()).add(keys, s, rate);
            byFile.computeIfAbsent(keys.path(s), k -> new Sum()).add(keys, s, rate);
            byPid.computeIfAbsent(keys.pid(s), k -> new Sum()).add(keys, s, rate);
            byComm.computeIfAbsent(keys.comm(s), k -> new Sum()).add(keys, s, rate);
            overall.add(keys, s, rate);
        }
    }

    Table syscalls() {
        List<Row> rows = new ArrayList<>();
        bySyscall.forEach((id, sum) -> rows.add(row(names.syscallName(id), "", false, sum,
                exact ? store.exact.latency(id) : null)));
        return new Table(rows, exact ? EXACT_ERROR : LogBuckets.RELATIVE_ERROR);
    }

    Table files() {
        List<Row> rows = new ArrayList<>();
        byFile.forEach((path, sum) -> rows.add(row(names.path(path), "", path == KeyTable.OTHER, sum, null)));
        return new Table(rows, LogBuckets.RELATIVE_ERROR);
    }

    Table processes() {
        List<Row> rows = new ArrayList<>();
        byPid.forEach((pid, sum) -> {
            boolean other = pid == KeyTable.OTHER;
            rows.add(row(other ? Row.OTHER : Integer.toString(pid), other ? "" : names.comm(sum.comm), other, sum,
                    null));
        });
        return new Table(rows, LogBuckets.RELATIVE_ERROR);
    }

    Table comms() {
        List<Row> rows = new ArrayList<>();
        byComm.forEach((comm, sum) -> rows.add(row(names.comm(comm), "", false, sum, null)));
        return new Table(rows, LogBuckets.RELATIVE_ERROR);
    }

    /** All syscalls' latencies (or gaps). */
    Distribution latency(boolean gaps) {
        return distribution(overall, gaps, exact ? store.exact.merged(gaps) : null);
    }

    /** Latencies (or gaps) per syscall name. */
    Map<String, Distribution> bySyscall(boolean gaps) {
        Map<String, Distribution> map = new HashMap<>();
        bySyscall.forEach((id, sum) -> map.put(names.syscallName(id), distribution(sum, gaps,
                exact ? (gaps ? store.exact.gap(id) : store.exact.latency(id)) : null)));
        return map;
    }

    /** The flamegraph's counts of the keys that pass, since {@code baselineNs}. */
    FlameGraph flame(long baselineNs) {
        KeyTable keys = store.keys;
        FlameGraph.Builder flame = new FlameGraph.Builder();
        for (int s = 0; s < keys.highWater(); s++) {
            if (keys.isLive(s) && (keys.flameCount[s] > 0 || keys.flameBytes[s] > 0) && passes(keys, s)) {
                flame.add(names.comm(keys.comm(s)), keys.pid(s), keys.tid(s), names.syscallName(keys.syscall(s)),
                        names.path(keys.path(s)), keys.flameCount[s], keys.flameBytes[s]);
            }
        }
        return flame.build(baselineNs);
    }

    private boolean passes(KeyTable keys, int slot) {
        for (CompiledFrame frame : keyFrames) {
            if (!frame.testKey(keys, slot)) {
                return false;
            }
        }
        return true;
    }

    private static Row row(String name, String comm, boolean other, Sum sum, Histogram exactLatency) {
        LatencySummary summary = sum.latency.summary();
        long max = sum.latency.max;
        return new Row(name, comm, other, sum.latency.count, sum.rate, sum.latency.sum,
                percentile(summary, exactLatency, 50), percentile(summary, exactLatency, 95),
                percentile(summary, exactLatency, 99), max, sum.read, sum.written, sum.errors,
                Row.errnosByCount(sum.errnos), summary);
    }

    private static Distribution distribution(Sum sum, boolean gaps, Histogram exactValues) {
        LogHistogram values = gaps ? sum.gap : sum.latency;
        LatencySummary summary = values.summary();
        long[] octaves = exactValues == null ? summary.octaveCounts() : octaves(exactValues);
        return new Distribution(values.count, values.sum, octaves, percentile(summary, exactValues, 50),
                percentile(summary, exactValues, 95), percentile(summary, exactValues, 99), values.max,
                exactValues == null ? LogBuckets.RELATIVE_ERROR : EXACT_ERROR);
    }

    private static long percentile(LatencySummary summary, Histogram exactValues, double percentile) {
        if (exactValues == null || exactValues.getTotalCount() == 0) {
            return summary.percentile(percentile);
        }
        return Math.min(exactValues.getValueAtPercentile(percentile), summary.max());
    }

    private static long[] octaves(Histogram histogram) {
        long[] octaves = new long[LogBuckets.OCTAVES];
        for (HistogramIterationValue v : histogram.recordedValues()) {
            octaves[LogBuckets.octave(v.getValueIteratedTo())] += v.getCountAtValueIteratedTo();
        }
        return octaves;
    }
}
