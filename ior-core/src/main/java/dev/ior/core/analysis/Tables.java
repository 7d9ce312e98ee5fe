package dev.ior.core.analysis;

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

/**
 * The tables, latency histograms and flamegraph counts of one {@link KeyStore}, made
 * at each publication from the fine keys that pass the key frames. Rows are kept
 * between publications ({@link RowSums}) so that only rows with changed keys merge
 * histograms again; a new filter or an eviction rebuilds them all. Percentiles come
 * from the exact per-syscall histograms when no key frame narrows the view (syscall
 * rows and the latency histograms), from the merged compact histograms otherwise (and
 * always for file, process and comm rows). Pipeline thread only.
 */
final class Tables {

    /** HdrHistogram at two significant digits. */
    static final double EXACT_ERROR = 0.01;

    private final RowSums bySyscall = new RowSums();
    private final RowSums byFile = new RowSums();
    private final RowSums byPid = new RowSums();
    private final RowSums byComm = new RowSums();
    private final RowSums overall = new RowSums();
    private long publishedClock = -1;
    private int builtForFilter = -1;
    /** The last flamegraph and what its keys were: the same keys share its labels. */
    private FlameGraph lastFlame;
    private long lastFlameKeys = -1;
    private int lastFlameFilter = -1;

    /** What one publication shows of a key store. */
    record Published(Table syscalls, Table files, Table processes, Table comms, Distribution latency,
                     Map<String, Distribution> latencyBySyscall) {
    }

    /**
     * Sums the keys of {@code store} that pass {@code keyFrames} (which are the filter
     * numbered {@code filter}).
     */
    Published publish(KeyStore store, Names names, List<CompiledFrame> keyFrames, int filter, long nowSecond,
                      double fraction, long countsSinceNs) {
        KeyTable keys = store.keys;
        boolean exact = keyFrames.isEmpty();
        boolean rebuild = keys.takeRestructured() | filter != builtForFilter;
        bySyscall.begin(names.syscallLimit(), rebuild);
        byFile.begin(keys.fileRows.limit(), rebuild);
        byPid.begin(keys.pidRows.limit(), rebuild);
        byComm.begin(keys.commRows.limit(), rebuild);
        overall.begin(1, rebuild);
        for (int s = 0; s < keys.highWater(); s++) {
            if (keys.isLive(s) && passes(keyFrames, keys, s)) {
                double rate = keys.rate(s, nowSecond, fraction);
                boolean changed = keys.recency(s) > publishedClock;
                bySyscall.add(keys, s, keys.syscall(s), rate, changed);
                byFile.add(keys, s, keys.fileRow(s), rate, changed);
                byPid.add(keys, s, keys.pidRow(s), rate, changed);
                byComm.add(keys, s, keys.commRow(s), rate, changed);
                overall.add(keys, s, 0, rate, changed);
            }
        }
        mergeDirtyHistograms(keys, keyFrames, exact);
        bySyscall.finish(exact ? store.latency::of : null);
        byFile.finish(null);
        byPid.finish(null);
        byComm.finish(null);
        overall.finish(exact ? row -> store.latency.merged() : null);
        publishedClock = keys.clock();
        builtForFilter = filter;
        double error = exact ? EXACT_ERROR : LogBuckets.RELATIVE_ERROR;
        return new Published(syscallTable(names, error), fileTable(keys, names), processTable(keys, names),
                commTable(keys, names), distribution(overall, 0, exact ? store.latency.merged() : null, countsSinceNs),
                latencyBySyscall(store, names, exact, countsSinceNs));
    }

    /**
     * The flamegraph's counts of the keys that pass (the filter numbered {@code filter}),
     * since {@code baselineNs}; keys without counts are in it too, so that while no key is
     * added or merged the next graph can share this one's labels.
     */
    FlameGraph flame(KeyStore store, Names names, List<CompiledFrame> keyFrames, int filter, long baselineNs) {
        KeyTable keys = store.keys;
        boolean sameKeys = lastFlame != null && keys.keySetVersion() == lastFlameKeys && filter == lastFlameFilter;
        FlameGraph.Builder builder = sameKeys ? null : new FlameGraph.Builder(keys.keys());
        long[] counts = sameKeys ? new long[lastFlame.keys()] : null;
        long[] bytes = sameKeys ? new long[lastFlame.keys()] : null;
        int n = 0;
        for (int s = 0; s < keys.highWater(); s++) {
            if (!keys.isLive(s) || !passes(keyFrames, keys, s)) {
                continue;
            }
            if (sameKeys) {
                counts[n] = keys.flameCount(s);
                bytes[n++] = keys.flameBytes(s);
            } else {
                builder.add(names.comm(keys.comm(s)), keys.pid(s), keys.tid(s), names.syscallName(keys.syscall(s)),
                        names.path(keys.path(s)), keys.flameCount(s), keys.flameBytes(s));
            }
        }
        lastFlame = sameKeys ? lastFlame.withCounts(counts, bytes, baselineNs) : builder.build(baselineNs);
        lastFlameKeys = keys.keySetVersion();
        lastFlameFilter = filter;
        return lastFlame;
    }

    private void mergeDirtyHistograms(KeyTable keys, List<CompiledFrame> keyFrames, boolean exact) {
        boolean dirtyFiles = byFile.clearDirtyHistograms();
        boolean dirtyOthers = false;
        for (RowSums sums : new RowSums[] {bySyscall, byPid, byComm, overall}) {
            dirtyOthers |= sums.clearDirtyHistograms();
        }
        if (exact) { // every key counts: the process and comm rows' own histograms serve
            for (int row = 0; row < byPid.size(); row++) {
                if (byPid.isDirty(row)) {
                    byPid.useWindow(row, keys.addPidLatencies(LogWindow.EMPTY, row));
                }
            }
            for (int row = 0; row < byComm.size(); row++) {
                if (byComm.isDirty(row)) {
                    byComm.useWindow(row, keys.addCommLatencies(LogWindow.EMPTY, row));
                }
            }
        }
        if (!dirtyFiles && (exact || !dirtyOthers)) {
            return; // no key needs merging
        }
        for (int s = 0; s < keys.highWater(); s++) {
            if (!keys.isLive(s) || !passes(keyFrames, keys, s)) {
                continue;
            }
            mergeIfDirty(byFile, keys, s, keys.fileRow(s));
            if (!exact) {
                mergeIfDirty(byPid, keys, s, keys.pidRow(s));
                mergeIfDirty(byComm, keys, s, keys.commRow(s));
                mergeIfDirty(bySyscall, keys, s, keys.syscall(s));
                mergeIfDirty(overall, keys, s, 0);
            }
        }
    }

    private static void mergeIfDirty(RowSums sums, KeyTable keys, int slot, int row) {
        if (sums.isDirty(row)) {
            sums.merge(keys, slot, row);
        }
    }

    private Table syscallTable(Names names, double error) {
        List<Row> rows = new ArrayList<>();
        for (int id = 0; id < names.syscallLimit(); id++) {
            if (bySyscall.has(id)) {
                rows.add(bySyscall.row(id, names.syscallName(id), "", names.syscall(id).family().label(), false));
            }
        }
        return new Table(rows, error);
    }

    private Table fileTable(KeyTable keys, Names names) {
        List<Row> rows = new ArrayList<>();
        for (int row = 0; row < keys.fileRows.limit(); row++) {
            if (byFile.has(row)) {
                int path = keys.fileRows.key(row);
                rows.add(byFile.row(row, names.path(path), "", "", path == KeyTable.OTHER));
            }
        }
        return new Table(rows, LogBuckets.RELATIVE_ERROR);
    }

    private Table processTable(KeyTable keys, Names names) {
        List<Row> rows = new ArrayList<>();
        for (int row = 0; row < keys.pidRows.limit(); row++) {
            if (byPid.has(row)) {
                int pid = keys.pidRows.key(row);
                boolean other = pid == KeyTable.OTHER;
                rows.add(byPid.row(row, other ? Row.OTHER : Integer.toString(pid),
                        other ? "" : names.comm(byPid.comm(row)), "", other));
            }
        }
        return new Table(rows, LogBuckets.RELATIVE_ERROR);
    }

    private Table commTable(KeyTable keys, Names names) {
        List<Row> rows = new ArrayList<>();
        for (int row = 0; row < keys.commRows.limit(); row++) {
            if (byComm.has(row)) {
                rows.add(byComm.row(row, names.comm(keys.commRows.key(row)), "", "", false));
            }
        }
        return new Table(rows, LogBuckets.RELATIVE_ERROR);
    }

    private Map<String, Distribution> latencyBySyscall(KeyStore store, Names names, boolean exact, long since) {
        Map<String, Distribution> map = new HashMap<>();
        for (int id = 0; id < names.syscallLimit(); id++) {
            if (bySyscall.has(id)) {
                map.put(names.syscallName(id), distribution(bySyscall, id, exact ? store.latency.of(id) : null, since));
            }
        }
        return map;
    }

    /** Row {@code row} of {@code sums} as a histogram; octaves from {@code exact} when given. */
    private static Distribution distribution(RowSums sums, int row, Histogram exact, long sinceNs) {
        if (!sums.has(row)) {
            return new Distribution(0, 0, new long[LogBuckets.OCTAVES], 0, 0, 0, 0,
                    exact == null ? LogBuckets.RELATIVE_ERROR : EXACT_ERROR, sinceNs);
        }
        long[] p = sums.percentiles(row);
        return new Distribution(sums.count(row), sums.latencySum(row),
                exact == null ? sums.summary(row).octaveCounts() : octaves(exact), p[0], p[1], p[2],
                sums.latencyMax(row), exact == null ? LogBuckets.RELATIVE_ERROR : EXACT_ERROR, sinceNs);
    }

    /** A gap histogram of {@code scope}: {@code syscall}'s, or all syscalls' when negative. */
    static Distribution gaps(Scope scope, int syscall) {
        Histogram values = syscall < 0 ? scope.gaps.merged() : scope.gaps.of(syscall);
        long max = scope.gaps.max(syscall);
        return new Distribution(values.getTotalCount(), scope.gaps.sum(syscall), octaves(values),
                RowSums.percentile(LatencySummary.EMPTY, values, max, 50),
                RowSums.percentile(LatencySummary.EMPTY, values, max, 95),
                RowSums.percentile(LatencySummary.EMPTY, values, max, 99), max, EXACT_ERROR, scope.sinceNs);
    }

    private static long[] octaves(Histogram histogram) {
        long[] octaves = new long[LogBuckets.OCTAVES];
        for (HistogramIterationValue v : histogram.recordedValues()) {
            octaves[LogBuckets.octave(v.getValueIteratedTo())] += v.getCountAtValueIteratedTo();
        }
        return octaves;
    }

    private static boolean passes(List<CompiledFrame> keyFrames, KeyTable keys, int slot) {
        for (int i = 0; i < keyFrames.size(); i++) {
            if (!keyFrames.get(i).testKey(keys, slot)) {
                return false;
            }
        }
        return true;
    }
}
