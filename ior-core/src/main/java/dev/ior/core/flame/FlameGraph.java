package dev.ior.core.flame;

import dev.ior.core.stats.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flamegraph model of one snapshot: event counts and bytes keyed by
 * (comm, pid, tid, syscall, path), already narrowed by the filter stack, counted
 * since the last baseline reset. Any ordering, metric and path style is a
 * {@link #tree view} rebuilt from these keyed counts, never from events, so changing
 * them is instant and loses nothing. Immutable and safe to share between threads.
 */
public final class FlameGraph {

    /** The root frame's label. */
    public static final String ROOT = "all";

    private final String[] comms;
    private final int[] pids;
    private final int[] tids;
    private final String[] syscalls;
    private final String[] paths;
    private final long[] counts;
    private final long[] bytes;
    private final int size;
    private final boolean paused;
    private final PauseMode pauseMode;
    private final long baselineNs;
    private volatile CachedTree cached;

    private record CachedTree(FlameOrder order, FlameMetric metric, boolean splitPaths, FlameNode root) {
    }

    private FlameGraph(String[] comms, int[] pids, int[] tids, String[] syscalls, String[] paths, long[] counts,
                       long[] bytes, int size, boolean paused, PauseMode pauseMode, long baselineNs,
                       CachedTree cached) {
        this.comms = comms;
        this.pids = pids;
        this.tids = tids;
        this.syscalls = syscalls;
        this.paths = paths;
        this.counts = counts;
        this.bytes = bytes;
        this.size = size;
        this.paused = paused;
        this.pauseMode = pauseMode;
        this.baselineNs = baselineNs;
        this.cached = cached;
    }

    /**
     * The same keys in the same order with other counts and bytes (arrays as long as
     * {@link #keys()}, owned by the new graph): a publication whose keys did not change
     * shares the labels of the previous one.
     */
    public FlameGraph withCounts(long[] newCounts, long[] newBytes, long newBaselineNs) {
        if (newCounts.length < size || newBytes.length < size) {
            throw new IllegalArgumentException("counts for " + size + " keys expected");
        }
        return new FlameGraph(comms, pids, tids, syscalls, paths, newCounts, newBytes, size, false, null,
                newBaselineNs, null);
    }

    /** The same picture, marked as paused in {@code mode}. */
    public FlameGraph pausedIn(PauseMode mode) {
        return new FlameGraph(comms, pids, tids, syscalls, paths, counts, bytes, size, true, mode, baselineNs,
                cached);
    }

    /** Whether the picture is frozen. */
    public boolean paused() {
        return paused;
    }

    /** How the pause treats new events, or null when not paused. */
    public PauseMode pauseMode() {
        return paused ? pauseMode : null;
    }

    /** Since when the graph counts (session start or last reset), on the events' clock. */
    public long baselineNs() {
        return baselineNs;
    }

    /** How many distinct (comm, pid, tid, syscall, path) keys it holds, some perhaps without counts. */
    public int keys() {
        return size;
    }

    /** The metric's total: the root's width. */
    public long total(FlameMetric metric) {
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += value(i, metric);
        }
        return total;
    }

    /**
     * The tree along {@code order}, bars measuring {@code metric}, each path as one
     * frame or, with {@code splitPaths}, one frame per directory ({@code /usr},
     * {@code /lib}, {@code /libc.so.6}). A dimension without a value (an event with no
     * file) adds no frame. Frames of width 0 are left out; children are sorted by label.
     */
    public FlameNode tree(FlameOrder order, FlameMetric metric, boolean splitPaths) {
        CachedTree last = cached;
        if (last != null && last.order.equals(order) && last.metric == metric && last.splitPaths == splitPaths) {
            return last.root;
        }
        MutableNode root = new MutableNode(ROOT);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            long value = value(i, metric);
            if (value == 0) {
                continue;
            }
            labels.clear();
            for (FlameDimension dimension : order.dimensions()) {
                addLabels(i, dimension, splitPaths, labels);
            }
            MutableNode node = root;
            node.value += value;
            for (String label : labels) {
                node = node.children.computeIfAbsent(label, MutableNode::new);
                node.value += value;
            }
        }
        FlameNode tree = root.freeze();
        cached = new CachedTree(order, metric, splitPaths, tree);
        return tree;
    }

    /**
     * The events and bytes of the frame reached by {@code path} in the {@link #tree}
     * along {@code order} (the labels above the root, root side first; the empty path is
     * the root): both figures at once, whichever metric the bars measure. Zeros when no
     * key has that path.
     */
    public FlameTotals totals(FlameOrder order, boolean splitPaths, List<String> path) {
        long count = 0;
        long byteCount = 0;
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            labels.clear();
            for (FlameDimension dimension : order.dimensions()) {
                addLabels(i, dimension, splitPaths, labels);
            }
            if (labels.size() >= path.size() && labels.subList(0, path.size()).equals(path)) {
                count += counts[i];
                byteCount += bytes[i];
            }
        }
        return new FlameTotals(count, byteCount);
    }

    private long value(int i, FlameMetric metric) {
        return switch (metric) {
            case COUNT -> counts[i];
            case BYTES -> bytes[i];
        };
    }

    private void addLabels(int i, FlameDimension dimension, boolean splitPaths, List<String> labels) {
        switch (dimension) {
            case COMM -> labels.add(comms[i]);
            case PID -> labels.add(idLabel(pids[i]));
            case TID -> labels.add(idLabel(tids[i]));
            case SYSCALL -> labels.add(syscalls[i]);
            case PATH -> {
                String path = paths[i];
                if (path.isEmpty()) {
                    return;
                }
                if (!splitPaths || !path.startsWith("/") || path.length() == 1) {
                    labels.add(path);
                    return;
                }
                int from = 0;
                while (from < path.length()) {
                    int next = path.indexOf('/', from + 1);
                    int end = next < 0 ? path.length() : next;
                    if (end > from + 1) {
                        labels.add(path.substring(from, end));
                    }
                    from = end;
                }
            }
        }
    }

    private static String idLabel(int id) {
        return id < 0 ? Row.OTHER : Integer.toString(id);
    }

    private static final class MutableNode {
        final String label;
        final Map<String, MutableNode> children = new HashMap<>();
        long value;

        MutableNode(String label) {
            this.label = label;
        }

        FlameNode freeze() {
            List<FlameNode> frozen = new ArrayList<>(children.size());
            for (MutableNode child : children.values()) {
                frozen.add(child.freeze());
            }
            frozen.sort((a, b) -> a.label().compareTo(b.label()));
            return new FlameNode(label, value, frozen);
        }
    }

    /** Collects keyed counts; {@link #build} makes the immutable graph. */
    public static final class Builder {
        private String[] comms;
        private int[] pids;
        private int[] tids;
        private String[] syscalls;
        private String[] paths;
        private long[] counts;
        private long[] bytes;
        private int size;

        /** A builder with room for {@code expected} keys (it grows beyond). */
        public Builder(int expected) {
            int capacity = Math.max(16, expected);
            comms = new String[capacity];
            pids = new int[capacity];
            tids = new int[capacity];
            syscalls = new String[capacity];
            paths = new String[capacity];
            counts = new long[capacity];
            bytes = new long[capacity];
        }

        /** Adds one key's counts; a pid or tid below 0 stands for evicted processes. */
        public Builder add(String comm, int pid, int tid, String syscall, String path, long count, long byteCount) {
            if (size == counts.length) {
                int capacity = size * 2;
                comms = Arrays.copyOf(comms, capacity);
                pids = Arrays.copyOf(pids, capacity);
                tids = Arrays.copyOf(tids, capacity);
                syscalls = Arrays.copyOf(syscalls, capacity);
                paths = Arrays.copyOf(paths, capacity);
                counts = Arrays.copyOf(counts, capacity);
                bytes = Arrays.copyOf(bytes, capacity);
            }
            comms[size] = comm;
            pids[size] = pid;
            tids[size] = tid;
            syscalls[size] = syscall;
            paths[size] = path;
            counts[size] = count;
            bytes[size] = byteCount;
            size++;
            return this;
        }

        /** The graph of the keys added, counted since {@code baselineNs}; the builder is spent. */
        public FlameGraph build(long baselineNs) {
            FlameGraph graph = new FlameGraph(comms, pids, tids, syscalls, paths, counts, bytes, size, false, null,
                    baselineNs, null);
            comms = null; // a second build or add fails rather than share arrays with the graph
            return graph;
        }
    }
}
