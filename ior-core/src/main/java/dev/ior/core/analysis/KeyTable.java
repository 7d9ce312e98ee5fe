package dev.ior.core.analysis;

import dev.ior.core.text.HeldIds;
import java.util.Arrays;
import org.agrona.collections.IntHashSet;

/**
 * Counts per fine key (comm, pid, tid, syscall, path, errno): the finest grain ior
 * keeps, so that a filter frame on any of those dimensions can narrow everything
 * counted so far, and every table, histogram and the flamegraph are sums over keys.
 *
 * <p>Each key is one record of {@value #STRIDE} longs in one array (its key, counters,
 * latency sum and maximum, its rows in the file, process and comm tables, and the
 * description of its latency histogram, which lies in a {@link WindowPool}): counting
 * an event touches the index, the record and one line of the histogram arena, whatever
 * the number of keys. Processes and comms are few, so their rows' latency histograms
 * are counted per event too (they stay in cache); file rows, as many as keys nearly,
 * are merged from keys when published. Keys are found through an open-addressing index
 * over the packed key; a one-entry cache catches the common run of calls with the same
 * key. Memory is bounded: {@link Eviction} decides which paths or processes to merge
 * into the "other" path or process when a cap is passed. Pipeline thread only.
 */
final class KeyTable {

    /** The path, pid or tid of keys merged by eviction. */
    static final int OTHER = -1;

    static final int STRIDE = 16;
    private static final int KEY_A = 0; // pid, tid
    private static final int KEY_B = 1; // comm, path
    private static final int KEY_C = 2; // syscall, errno
    private static final int BYTES_READ = 3;
    private static final int BYTES_WRITTEN = 4;
    private static final int RECENCY = 5;
    private static final int FLAME_COUNT = 6;
    private static final int FLAME_BYTES = 7;
    private static final int RATE_SECOND = 8;
    private static final int RATE_COUNTS = 9; // this second's events (low half), the previous second's (high half)
    private static final int COUNT = 10;
    private static final int LATENCY_SUM = 11;
    private static final int LATENCY_MAX = 12;
    private static final int LATENCY_WINDOW = 13;
    private static final int FILE_PID_ROWS = 14; // row in the files table (high), in the processes table (low)
    private static final int COMM_ROW = 15;
    private static final int[] SUMS = {BYTES_READ, BYTES_WRITTEN, FLAME_COUNT, FLAME_BYTES, COUNT, LATENCY_SUM};
    private static final long LOW = 0xffffffffL;

    private final WindowPool windows = new WindowPool();
    private long[] data = new long[0];
    final RowIds fileRows = new RowIds();
    final RowIds pidRows = new RowIds();
    final RowIds commRows = new RowIds();
    /** The latency histograms of the process and comm rows, by row. */
    private long[] pidWindows = new long[64];
    private long[] commWindows = new long[64];
    /** Set when eviction moved keys between rows: the next publication rebuilds every row. */
    private boolean restructured;
    private boolean[] live = new boolean[0];
    /** Slots ever used; live ones are below it. */
    private int highWater;
    private int liveCount;
    private int[] free = new int[16];
    private int freeCount;
    private int[] index = new int[1024];

    private long lastA;
    private long lastB;
    private long lastC;
    private int lastSlot = -1;
    private long clock;
    private boolean overCap;
    /** Changes whenever a key is added or keys are merged: the set of keys is the same while it does not. */
    private long keySetVersion;

    private final Eviction eviction;

    KeyTable(int maxFiles, int maxProcesses, int maxKeys) {
        this.eviction = new Eviction(maxFiles, maxProcesses, maxKeys);
        grow(256);
    }

    /** Adds one event to its key's record. */
    void record(int comm, int pid, int tid, int syscall, int path, int errno, long second, long latencyNs,
                long read, long written, long flameBytesValue, boolean countFlame) {
        long a = pack(pid, tid);
        long b = pack(comm, path);
        long c = pack(syscall, errno);
        int s = lastSlot;
        if (s < 0 || a != lastA || b != lastB || c != lastC) {
            s = findOrAdd(a, b, c);
            lastA = a;
            lastB = b;
            lastC = c;
            lastSlot = s;
        }
        long[] d = data;
        int o = s * STRIDE;
        d[o + RECENCY] = ++clock;
        d[o + BYTES_READ] += read;
        d[o + BYTES_WRITTEN] += written;
        if (countFlame) {
            d[o + FLAME_COUNT]++;
            d[o + FLAME_BYTES] += flameBytesValue;
        }
        d[o + COUNT]++;
        if (latencyNs != KeyStore.NO_LATENCY) {
            d[o + LATENCY_SUM] += latencyNs;
            if (latencyNs > d[o + LATENCY_MAX]) {
                d[o + LATENCY_MAX] = latencyNs;
            }
            d[o + LATENCY_WINDOW] = windows.record(d[o + LATENCY_WINDOW], latencyNs);
            int pidRow = (int) d[o + FILE_PID_ROWS];
            pidWindows[pidRow] = windows.record(pidWindows[pidRow], latencyNs);
            int commRow = (int) d[o + COMM_ROW];
            commWindows[commRow] = windows.record(commWindows[commRow], latencyNs);
        }
        countRate(d, o, second);
        if (overCap) {
            overCap = false;
            eviction.enforce(this);
        }
    }

    /** {@code pid} exited: it goes first when processes are evicted. */
    void processExited(int pid) {
        if (pidRows.contains(pid)) {
            eviction.exited(pid);
        }
    }

    /** Forgets the flamegraph's counts (its baseline reset); every other count stays. */
    void resetFlame() {
        for (int s = 0; s < highWater; s++) {
            data[s * STRIDE + FLAME_COUNT] = 0;
            data[s * STRIDE + FLAME_BYTES] = 0;
        }
    }

    /** The arrival count of the latest event: slots with a higher {@link #recency} changed since. */
    long clock() {
        return clock;
    }

    /** The same while no key was added or merged away (slot order then is the same too). */
    long keySetVersion() {
        return keySetVersion;
    }

    /** Whether eviction moved keys between rows since the last call; clears the mark. */
    boolean takeRestructured() {
        boolean was = restructured;
        restructured = false;
        return was;
    }

    int fileRow(int slot) {
        return (int) (data[slot * STRIDE + FILE_PID_ROWS] >>> 32);
    }

    int pidRow(int slot) {
        return (int) data[slot * STRIDE + FILE_PID_ROWS];
    }

    int commRow(int slot) {
        return (int) data[slot * STRIDE + COMM_ROW];
    }

    /** Adds the latency histogram of process row {@code row} to {@code accumulator}; returns it. */
    long[] addPidLatencies(long[] accumulator, int row) {
        return windows.addTo(accumulator, pidWindows[row]);
    }

    /** Adds the latency histogram of comm row {@code row} to {@code accumulator}; returns it. */
    long[] addCommLatencies(long[] accumulator, int row) {
        return windows.addTo(accumulator, commWindows[row]);
    }

    /** Slots in use are those below this for which {@link #isLive} holds. */
    int highWater() {
        return highWater;
    }

    boolean isLive(int slot) {
        return live[slot];
    }

    int comm(int slot) {
        return (int) (data[slot * STRIDE + KEY_B] >>> 32);
    }

    int path(int slot) {
        return (int) data[slot * STRIDE + KEY_B];
    }

    int pid(int slot) {
        return (int) (data[slot * STRIDE + KEY_A] >>> 32);
    }

    int tid(int slot) {
        return (int) data[slot * STRIDE + KEY_A];
    }

    int syscall(int slot) {
        return (int) (data[slot * STRIDE + KEY_C] >>> 32);
    }

    int errno(int slot) {
        return (int) data[slot * STRIDE + KEY_C];
    }

    long count(int slot) {
        return data[slot * STRIDE + COUNT];
    }

    long bytesRead(int slot) {
        return data[slot * STRIDE + BYTES_READ];
    }

    long bytesWritten(int slot) {
        return data[slot * STRIDE + BYTES_WRITTEN];
    }

    long recency(int slot) {
        return data[slot * STRIDE + RECENCY];
    }

    long flameCount(int slot) {
        return data[slot * STRIDE + FLAME_COUNT];
    }

    long flameBytes(int slot) {
        return data[slot * STRIDE + FLAME_BYTES];
    }

    long latencySum(int slot) {
        return data[slot * STRIDE + LATENCY_SUM];
    }

    long latencyMax(int slot) {
        return data[slot * STRIDE + LATENCY_MAX];
    }

    /** Adds the slot's latency histogram to {@code accumulator} ({@link LogWindow}); returns it. */
    long[] addLatencies(long[] accumulator, int slot) {
        return windows.addTo(accumulator, data[slot * STRIDE + LATENCY_WINDOW]);
    }

    /** Events per second of the slot at {@code nowSecond} + {@code fraction} of it. */
    double rate(int slot, long nowSecond, double fraction) {
        long counts = data[slot * STRIDE + RATE_COUNTS];
        return Rates.perSecond(data[slot * STRIDE + RATE_SECOND], counts & LOW, counts >>> 32, nowSecond, fraction);
    }

    /** Names the comm and path ids of every key. */
    void markHeld(HeldIds held) {
        for (int s = 0; s < highWater; s++) {
            if (live[s]) {
                held.comm(comm(s));
                held.path(path(s));
            }
        }
    }

    /** Keys held. */
    int keys() {
        return liveCount;
    }

    /** Paths merged into "other" so far. */
    long evictedFiles() {
        return eviction.evictedFiles();
    }

    /** Processes merged into "other" so far. */
    long evictedProcesses() {
        return eviction.evictedProcesses();
    }

    private static void countRate(long[] d, int o, long second) {
        long at = d[o + RATE_SECOND];
        if (second == at) {
            d[o + RATE_COUNTS]++;
        } else if (second > at) {
            long current = d[o + RATE_COUNTS] & LOW;
            d[o + RATE_COUNTS] = (second == at + 1 ? current << 32 : 0) | 1;
            d[o + RATE_SECOND] = second;
        } else if (second == at - 1) {
            d[o + RATE_COUNTS] += 1L << 32;
        }
    }

    private int findOrAdd(long a, long b, long c) {
        int mask = index.length - 1;
        long[] d = data;
        for (int i = hash(a, b, c) & mask; ; i = (i + 1) & mask) {
            int entry = index[i];
            if (entry == 0) {
                int s = allocate(a, b, c);
                index[i] = s + 1;
                if (liveCount * 2 > index.length) {
                    rebuildIndex(index.length * 2);
                }
                return s;
            }
            int o = (entry - 1) * STRIDE;
            if (d[o + KEY_A] == a && d[o + KEY_B] == b && d[o + KEY_C] == c) {
                return entry - 1;
            }
        }
    }

    private int allocate(long a, long b, long c) {
        int s;
        if (freeCount > 0) {
            s = free[--freeCount];
        } else {
            if (highWater == live.length) {
                grow(live.length * 2);
            }
            s = highWater++;
        }
        int o = s * STRIDE;
        Arrays.fill(data, o, o + STRIDE, 0);
        data[o + KEY_A] = a;
        data[o + KEY_B] = b;
        data[o + KEY_C] = c;
        data[o + RATE_SECOND] = Long.MIN_VALUE;
        acquireRows(s);
        live[s] = true;
        liveCount++;
        keySetVersion++;
        overCap |= eviction.isOverCap(this);
        return s;
    }

    private void grow(int capacity) {
        data = Arrays.copyOf(data, capacity * STRIDE);
        live = Arrays.copyOf(live, capacity);
    }

    private void acquireRows(int s) {
        int o = s * STRIDE;
        long fileRow = fileRows.acquire(path(s));
        int pidRow = pidRows.acquire(pid(s));
        int commRow = commRows.acquire(comm(s));
        data[o + FILE_PID_ROWS] = fileRow << 32 | pidRow;
        data[o + COMM_ROW] = commRow;
        if (pidRow >= pidWindows.length) {
            pidWindows = Arrays.copyOf(pidWindows, pidRow * 2);
        }
        if (commRow >= commWindows.length) {
            commWindows = Arrays.copyOf(commWindows, commRow * 2);
        }
    }

    private void releaseRows(int s) {
        fileRows.release(fileRow(s));
        if (pidRows.release(pidRow(s))) {
            pidWindows[pidRow(s)] = windows.free(pidWindows[pidRow(s)]);
        }
        if (commRows.release(commRow(s))) {
            commWindows[commRow(s)] = windows.free(commWindows[commRow(s)]);
        }
    }

    /** After keys moved between rows: the process and comm rows' histograms summed again from their keys. */
    private void recountRowWindows() {
        for (int row = 0; row < pidWindows.length; row++) {
            pidWindows[row] = windows.free(pidWindows[row]);
        }
        for (int row = 0; row < commWindows.length; row++) {
            commWindows[row] = windows.free(commWindows[row]);
        }
        for (int s = 0; s < highWater; s++) {
            if (live[s]) {
                long slotWindow = data[s * STRIDE + LATENCY_WINDOW];
                pidWindows[pidRow(s)] = windows.add(pidWindows[pidRow(s)], slotWindow);
                commWindows[commRow(s)] = windows.add(commWindows[commRow(s)], slotWindow);
            }
        }
    }

    /** Merges the keys of {@code victims} (paths) into the "other" path. */
    void mergePathsIntoOther(IntHashSet victims) {
        for (int s = 0; s < highWater; s++) {
            if (live[s] && victims.contains(path(s))) {
                releaseRows(s);
                data[s * STRIDE + KEY_B] = pack(comm(s), OTHER);
                acquireRows(s);
            }
        }
        afterMerge();
    }

    /** Merges the keys of {@code victims} (pids) into the "other" process. */
    void mergeProcessesIntoOther(IntHashSet victims) {
        for (int s = 0; s < highWater; s++) {
            if (live[s] && victims.contains(pid(s))) {
                releaseRows(s);
                data[s * STRIDE + KEY_A] = pack(OTHER, OTHER);
                acquireRows(s);
            }
        }
        afterMerge();
    }

    private void afterMerge() {
        restructured = true;
        rebuildIndex(index.length);
        recountRowWindows();
    }

    /** Re-indexes every live slot, merging slots whose keys became equal by eviction. */
    private void rebuildIndex(int capacity) {
        index = new int[capacity];
        lastSlot = -1;
        int mask = capacity - 1;
        for (int s = 0; s < highWater; s++) {
            if (!live[s]) {
                continue;
            }
            int o = s * STRIDE;
            for (int i = hash(data[o + KEY_A], data[o + KEY_B], data[o + KEY_C]) & mask; ; i = (i + 1) & mask) {
                int entry = index[i];
                if (entry == 0) {
                    index[i] = s + 1;
                    break;
                }
                int t = (entry - 1) * STRIDE;
                if (data[t + KEY_A] == data[o + KEY_A] && data[t + KEY_B] == data[o + KEY_B]
                        && data[t + KEY_C] == data[o + KEY_C]) {
                    mergeInto(entry - 1, s);
                    break;
                }
            }
        }
    }

    private void mergeInto(int target, int s) {
        keySetVersion++;
        int t = target * STRIDE;
        int o = s * STRIDE;
        for (int field : SUMS) {
            data[t + field] += data[o + field];
        }
        data[t + RECENCY] = Math.max(data[t + RECENCY], data[o + RECENCY]);
        data[t + LATENCY_MAX] = Math.max(data[t + LATENCY_MAX], data[o + LATENCY_MAX]);
        long second = Math.max(data[t + RATE_SECOND], data[o + RATE_SECOND]);
        data[t + RATE_COUNTS] = rolledRate(t, second) + rolledRate(o, second);
        data[t + RATE_SECOND] = second;
        data[t + LATENCY_WINDOW] = windows.add(data[t + LATENCY_WINDOW], data[o + LATENCY_WINDOW]);
        data[o + LATENCY_WINDOW] = windows.free(data[o + LATENCY_WINDOW]);
        releaseRows(s);
        live[s] = false;
        liveCount--;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = s;
    }

    /** The rate counts of the record at {@code o} as of {@code second}. */
    private long rolledRate(int o, long second) {
        long at = data[o + RATE_SECOND];
        long counts = data[o + RATE_COUNTS];
        if (at == second) {
            return counts;
        }
        return at == second - 1 ? (counts & LOW) << 32 : 0;
    }

    private static long pack(int high, int low) {
        return ((long) high << 32) | (low & LOW);
    }

    private static int hash(long a, long b, long c) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h = (h ^ (h >>> 29)) * 0xBF58476D1CE4E5B9L + c;
        h = (h ^ (h >>> 32)) * 0x94D049BB133111EBL;
        return (int) (h ^ (h >>> 31));
    }
}
