package dev.ior.core.analysis;

import java.util.Arrays;
import org.agrona.collections.IntHashSet;
import org.agrona.collections.Long2LongHashMap;

/**
 * Keeps a {@link KeyTable} within its caps: past {@code maxFiles} paths or
 * {@code maxProcesses} pids, the least recently seen ones (processes that exited
 * first) are merged into the "other" path or process; past {@code maxKeys} keys, the
 * larger of the two dimensions is merged a tenth at a time. Each eviction goes down to
 * 90 % of the cap, so that it is rare rather than once per new key. Merged paths and
 * processes are counted. Pipeline thread only.
 */
final class Eviction {

    private final int maxFiles;
    private final int maxProcesses;
    private final int maxKeys;
    private final IntHashSet exited = new IntHashSet();
    private long evictedFiles;
    private long evictedProcesses;

    Eviction(int maxFiles, int maxProcesses, int maxKeys) {
        this.maxFiles = maxFiles;
        this.maxProcesses = maxProcesses;
        this.maxKeys = maxKeys;
    }

    /** Whether {@code keys} passed a cap. */
    boolean isOverCap(KeyTable keys) {
        return distinct(keys.fileRows) > maxFiles || distinct(keys.pidRows) > maxProcesses || keys.keys() > maxKeys;
    }

    /** {@code pid} exited: it goes first when processes are evicted. */
    void exited(int pid) {
        exited.add(pid);
    }

    long evictedFiles() {
        return evictedFiles;
    }

    long evictedProcesses() {
        return evictedProcesses;
    }

    /** Merges what it takes for {@code keys} to be back under every cap. */
    void enforce(KeyTable keys) {
        if (distinct(keys.fileRows) > maxFiles) {
            evictFiles(keys, distinct(keys.fileRows) - belowCap(maxFiles));
        }
        if (distinct(keys.pidRows) > maxProcesses) {
            evictProcesses(keys, distinct(keys.pidRows) - belowCap(maxProcesses));
        }
        if (keys.keys() > maxKeys) {
            int target = belowCap(maxKeys);
            while (keys.keys() > target) {
                int files = distinct(keys.fileRows);
                int processes = distinct(keys.pidRows);
                if (files == 0 && processes == 0) {
                    break; // only comms, syscalls and errnos are left to tell keys apart
                }
                if (files >= processes) {
                    evictFiles(keys, Math.max(1, files / 10));
                } else {
                    evictProcesses(keys, Math.max(1, processes / 10));
                }
            }
        }
    }

    private void evictFiles(KeyTable keys, int n) {
        IntHashSet victims = leastRecent(keys, n, true);
        keys.mergePathsIntoOther(victims);
        evictedFiles += victims.size();
    }

    private void evictProcesses(KeyTable keys, int n) {
        IntHashSet victims = leastRecent(keys, n, false);
        keys.mergeProcessesIntoOther(victims);
        evictedProcesses += victims.size();
        exited.removeAll(victims);
    }

    /** The {@code n} paths (or pids) whose latest event is the oldest; exited processes count as oldest. */
    private IntHashSet leastRecent(KeyTable keys, int n, boolean byPath) {
        Long2LongHashMap newest = new Long2LongHashMap(Long.MIN_VALUE);
        for (int s = 0; s < keys.highWater(); s++) {
            if (!keys.isLive(s)) {
                continue;
            }
            int key = byPath ? keys.path(s) : keys.pid(s);
            if (key == KeyTable.OTHER) {
                continue;
            }
            long seen = !byPath && exited.contains(key) ? 0 : keys.recency(s);
            if (seen > newest.get(key)) {
                newest.put(key, seen);
            }
        }
        long[] order = new long[newest.size()];
        int[] ids = new int[newest.size()];
        int[] i = {0};
        newest.forEachLong((key, seen) -> {
            ids[i[0]] = (int) key;
            order[i[0]++] = seen;
        });
        Integer[] byAge = new Integer[ids.length];
        Arrays.setAll(byAge, k -> k);
        Arrays.sort(byAge, (x, y) -> Long.compare(order[x], order[y]));
        IntHashSet victims = new IntHashSet();
        for (int k = 0; k < Math.min(n, byAge.length); k++) {
            victims.add(ids[byAge[k]]);
        }
        return victims;
    }

    private static int belowCap(int cap) {
        return Math.max(1, cap - Math.max(1, cap / 10));
    }

    /** Paths or pids besides "other". */
    private static int distinct(RowIds rows) {
        return rows.count() - (rows.contains(KeyTable.OTHER) ? 1 : 0);
    }
}
