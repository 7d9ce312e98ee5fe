package dev.ior.core.analysis;

import java.util.Arrays;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.IntHashSet;

/**
 * Counts per fine key (comm, pid, tid, syscall, path, errno): the finest grain ior
 * keeps, so that a filter frame on any of those dimensions can narrow everything
 * counted so far, and every table, histogram and the flamegraph are sums over keys.
 *
 * <p>Slots are arrays indexed by slot number (no object per key besides its two
 * histograms), found through an open-addressing index over the packed key; a
 * one-entry cache catches the common run of calls with the same key. Memory is
 * bounded: past {@code maxFiles} paths, {@code maxProcesses} pids or {@code maxKeys}
 * keys, the least recently seen paths (or pids, exited ones first) are merged into the
 * "other" path (or pid) and counted as evicted. Pipeline thread only.
 */
final class KeyTable {

    /** The path, pid or tid of keys merged by eviction. */
    static final int OTHER = -1;

    private final int maxFiles;
    private final int maxProcesses;
    private final int maxKeys;

    private long[] keyA = new long[0]; // pid, tid
    private long[] keyB = new long[0]; // comm, path
    private long[] keyC = new long[0]; // syscall, errno
    long[] bytesRead = new long[0];
    long[] bytesWritten = new long[0];
    long[] recency = new long[0];
    long[] flameCount = new long[0];
    long[] flameBytes = new long[0];
    private long[] rateSecond = new long[0];
    private long[] rateCurrent = new long[0];
    private long[] ratePrevious = new long[0];
    LogHistogram[] latency = new LogHistogram[0];
    LogHistogram[] gap = new LogHistogram[0];
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

    private final IntHashSet paths = new IntHashSet();
    private final IntHashSet pids = new IntHashSet();
    private final IntHashSet exited = new IntHashSet();
    private long evictedFiles;
    private long evictedProcesses;

    KeyTable(int maxFiles, int maxProcesses, int maxKeys) {
        this.maxFiles = maxFiles;
        this.maxProcesses = maxProcesses;
        this.maxKeys = maxKeys;
        grow(256);
    }

    /** Adds one event to its key's slot. */
    void record(int comm, int pid, int tid, int syscall, int path, int errno, long second, long latencyNs,
                long gapNs, long read, long written, long flameBytesValue, boolean countFlame) {
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
        recency[s] = ++clock;
        latency[s].record(latencyNs);
        if (gapNs > 0) {
            gap[s].record(gapNs);
        }
        bytesRead[s] += read;
        bytesWritten[s] += written;
        if (countFlame) {
            flameCount[s]++;
            flameBytes[s] += flameBytesValue;
        }
        countRate(s, second);
        if (overCap) {
            enforceCaps();
        }
    }

    /** {@code pid} exited: it goes first when processes are evicted. */
    void processExited(int pid) {
        if (pids.contains(pid)) {
            exited.add(pid);
        }
    }

    /** Forgets the flamegraph's counts (its baseline reset); every other count stays. */
    void resetFlame() {
        Arrays.fill(flameCount, 0);
        Arrays.fill(flameBytes, 0);
    }

    /** Slots in use are those below this for which {@link #isLive} holds. */
    int highWater() {
        return highWater;
    }

    boolean isLive(int slot) {
        return live[slot];
    }

    int comm(int slot) {
        return (int) (keyB[slot] >>> 32);
    }

    int path(int slot) {
        return (int) keyB[slot];
    }

    int pid(int slot) {
        return (int) (keyA[slot] >>> 32);
    }

    int tid(int slot) {
        return (int) keyA[slot];
    }

    int syscall(int slot) {
        return (int) (keyC[slot] >>> 32);
    }

    int errno(int slot) {
        return (int) keyC[slot];
    }

    long count(int slot) {
        return latency[slot].count;
    }

    /** Events per second of the slot at {@code nowSecond} + {@code fraction} of it. */
    double rate(int slot, long nowSecond, double fraction) {
        return Rates.perSecond(rateSecond[slot], rateCurrent[slot], ratePrevious[slot], nowSecond, fraction);
    }

    /** Keys held. */
    int keys() {
        return liveCount;
    }

    /** Paths merged into "other" so far. */
    long evictedFiles() {
        return evictedFiles;
    }

    /** Processes merged into "other" so far. */
    long evictedProcesses() {
        return evictedProcesses;
    }

    private void countRate(int s, long second) {
        long at = rateSecond[s];
        if (second == at) {
            rateCurrent[s]++;
        } else if (second > at) {
            ratePrevious[s] = second == at + 1 ? rateCurrent[s] : 0;
            rateCurrent[s] = 1;
            rateSecond[s] = second;
        } else if (second == at - 1) {
            ratePrevious[s]++;
        }
    }

    private int findOrAdd(long a, long b, long c) {
        int mask = index.length - 1;
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
            int s = entry - 1;
            if (keyA[s] == a && keyB[s] == b && keyC[s] == c) {
                return s;
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
        keyA[s] = a;
        keyB[s] = b;
        keyC[s] = c;
        bytesRead[s] = 0;
        bytesWritten[s] = 0;
        flameCount[s] = 0;
        flameBytes[s] = 0;
        rateSecond[s] = Long.MIN_VALUE;
        rateCurrent[s] = 0;
        ratePrevious[s] = 0;
        latency[s].clear();
        gap[s].clear();
        live[s] = true;
        liveCount++;
        boolean newPath = paths.add((int) b);
        boolean newPid = pids.add((int) (a >>> 32));
        if (newPath || newPid) {
            overCap |= distinct(paths) > maxFiles || distinct(pids) > maxProcesses;
        }
        overCap |= liveCount > maxKeys;
        return s;
    }

    private void grow(int capacity) {
        keyA = Arrays.copyOf(keyA, capacity);
        keyB = Arrays.copyOf(keyB, capacity);
        keyC = Arrays.copyOf(keyC, capacity);
        bytesRead = Arrays.copyOf(bytesRead, capacity);
        bytesWritten = Arrays.copyOf(bytesWritten, capacity);
        recency = Arrays.copyOf(recency, capacity);
        flameCount = Arrays.copyOf(flameCount, capacity);
        flameBytes = Arrays.copyOf(flameBytes, capacity);
        rateSecond = Arrays.copyOf(rateSecond, capacity);
        rateCurrent = Arrays.copyOf(rateCurrent, capacity);
        ratePrevious = Arrays.copyOf(ratePrevious, capacity);
        int old = live.length;
        live = Arrays.copyOf(live, capacity);
        latency = Arrays.copyOf(latency, capacity);
        gap = Arrays.copyOf(gap, capacity);
        for (int s = old; s < capacity; s++) {
            latency[s] = new LogHistogram();
            gap[s] = new LogHistogram();
        }
    }

    private void enforceCaps() {
        overCap = false;
        if (distinct(paths) > maxFiles) {
            evictFiles(distinct(paths) - belowCap(maxFiles));
        }
        if (distinct(pids) > maxProcesses) {
            evictProcesses(distinct(pids) - belowCap(maxProcesses));
        }
        while (liveCount > maxKeys) {
            int before = liveCount;
            evictFiles(Math.max(1, distinct(paths) / 10));
            if (liveCount > maxKeys) {
                evictProcesses(Math.max(1, distinct(pids) / 10));
            }
            if (liveCount == before) {
                break; // only comms, syscalls and errnos left to tell keys apart
            }
        }
    }

    /** Evicting down to 90 % of a cap makes eviction rare rather than once per new key. */
    private static int belowCap(int cap) {
        return cap - Math.max(1, cap / 10);
    }

    private static int distinct(IntHashSet set) {
        return set.size() - (set.contains(OTHER) ? 1 : 0);
    }

    /** Merges the keys of the {@code n} least recently seen paths into the "other" path. */
    private void evictFiles(int n) {
        IntHashSet victims = leastRecent(n, true);
        for (int s = 0; s < highWater; s++) {
            if (live[s] && victims.contains(path(s))) {
                keyB[s] = pack(comm(s), OTHER);
            }
        }
        evictedFiles += victims.size();
        rebuildIndex(index.length);
    }

    /** Merges the keys of the {@code n} least recently seen processes (exited first) into "other". */
    private void evictProcesses(int n) {
        IntHashSet victims = leastRecent(n, false);
        for (int s = 0; s < highWater; s++) {
            if (live[s] && victims.contains(pid(s))) {
                keyA[s] = pack(OTHER, OTHER);
            }
        }
        evictedProcesses += victims.size();
        exited.removeAll(victims);
        rebuildIndex(index.length);
    }

    private IntHashSet leastRecent(int n, boolean byPath) {
        Long2LongHashMap newest = new Long2LongHashMap(Long.MIN_VALUE);
        for (int s = 0; s < highWater; s++) {
            if (!live[s]) {
                continue;
            }
            int key = byPath ? path(s) : pid(s);
            if (key == OTHER) {
                continue;
            }
            long seen = !byPath && exited.contains(key) ? 0 : recency[s];
            if (seen > newest.get(key)) {
                newest.put(key, seen);
            }
        }
        long[] order = new long[newest.size()];
        int[] keys = new int[newest.size()];
        int[] i = {0};
        newest.forEachLong((key, seen) -> {
            keys[i[0]] = (int) key;
            order[i[0]++] = seen;
        });
        Integer[] byAge = new Integer[keys.length];
        Arrays.setAll(byAge, k -> k);
        Arrays.sort(byAge, (x, y) -> Long.compare(order[x], order[y]));
        IntHashSet victims = new IntHashSet();
        for (int k = 0; k < Math.min(n, byAge.length); k++) {
            victims.add(keys[byAge[k]]);
        }
        return victims;
    }

    /** Re-indexes every live slot, merging slots whose keys became equal by eviction. */
    private void rebuildIndex(int capacity) {
        index = new int[capacity];
        paths.clear();
        pids.clear();
        lastSlot = -1;
        int mask = capacity - 1;
        for (int s = 0; s < highWater; s++) {
            if (!live[s]) {
                continue;
            }
            paths.add(path(s));
            pids.add(pid(s));
            for (int i = hash(keyA[s], keyB[s], keyC[s]) & mask; ; i = (i + 1) & mask) {
                int entry = index[i];
                if (entry == 0) {
                    index[i] = s + 1;
                    break;
                }
                int t = entry - 1;
                if (keyA[t] == keyA[s] && keyB[t] == keyB[s] && keyC[t] == keyC[s]) {
                    mergeInto(t, s);
                    break;
                }
            }
        }
    }

    private void mergeInto(int t, int s) {
        bytesRead[t] += bytesRead[s];
        bytesWritten[t] += bytesWritten[s];
        flameCount[t] += flameCount[s];
        flameBytes[t] += flameBytes[s];
        recency[t] = Math.max(recency[t], recency[s]);
        long second = Math.max(rateSecond[t], rateSecond[s]);
        rollRate(t, second);
        rollRate(s, second);
        rateCurrent[t] += rateCurrent[s];
        ratePrevious[t] += ratePrevious[s];
        latency[t].add(latency[s]);
        gap[t].add(gap[s]);
        live[s] = false;
        liveCount--;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = s;
    }

    private void rollRate(int s, long second) {
        if (rateSecond[s] < second) {
            ratePrevious[s] = rateSecond[s] == second - 1 ? rateCurrent[s] : 0;
            rateCurrent[s] = 0;
            rateSecond[s] = second;
        }
    }

    private static long pack(int high, int low) {
        return ((long) high << 32) | (low & 0xffffffffL);
    }

    private static int hash(long a, long b, long c) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h = (h ^ (h >>> 29)) * 0xBF58476D1CE4E5B9L + c;
        h = (h ^ (h >>> 32)) * 0x94D049BB133111EBL;
        return (int) (h ^ (h >>> 31));
    }
}
