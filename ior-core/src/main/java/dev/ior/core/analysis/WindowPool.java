package dev.ior.core.analysis;

import dev.ior.core.stats.LogBuckets;
import java.util.Arrays;

/**
 * The latency histograms of every key ({@link LogBuckets} counts) in one arena, so
 * that counting a value touches one cache line of the arena besides the key's record.
 * A key holds a window of buckets (16, 32, ... 1024 of them) described by one
 * {@code long} kept in its record: where the window lies, its size, its first bucket,
 * the lowest and highest buckets used. A value outside the window moves the key to a
 * window that fits its values with an octave to spare; freed windows are reused by
 * size.
 *
 * <p>Counting a value only notes the arena position in a small log; the log is applied
 * in one tight loop when full and before anything reads or moves a window. Keys are
 * many and their buckets rarely in cache: applied one by one, at the end of each
 * event's chain of dependent loads, every increment waits for its cache miss; applied
 * together, the misses overlap. Pipeline thread only.
 */
final class WindowPool {

    /** No window: the key has no values yet. */
    static final long NONE = 0;

    private static final int UNIT = 16;
    private static final int CLASSES = 7; // 16 .. 1024 buckets
    private static final long HAS = 1L << 63;
    private static final int OFFSET_BITS = 26;
    private static final int CLASS_SHIFT = 26;
    private static final int BASE_SHIFT = 29;
    private static final int LOWEST_SHIFT = 39;
    private static final int HIGHEST_SHIFT = 49;
    private static final int EMPTY_LOWEST = 1023;

    private long[] arena = new long[1 << 16];
    /** Arena positions counted but not yet incremented. */
    private final int[] pending = new int[4096];
    private int pendingCount;
    private int used;
    /** Freed windows by size class, as offsets in units. */
    private final int[][] spare = new int[CLASSES][];
    private final int[] spareCount = new int[CLASSES];

    WindowPool() {
        Arrays.setAll(spare, k -> new int[16]);
    }

    /** Counts {@code value} in the window {@code meta}; returns the window's new description. */
    long record(long meta, long value) {
        int index = LogBuckets.index(value);
        int base = base(meta);
        if (meta >= 0 || index < base || index >= base + capacity(meta)) { // meta >= 0: no window
            meta = cover(meta, index, index);
            base = base(meta);
        }
        pending[pendingCount++] = offset(meta) + index - base;
        if (pendingCount == pending.length) {
            applyPending();
        }
        return widen(meta, index, index);
    }

    /** Makes every value counted so far visible in the arena. */
    private void applyPending() {
        long[] a = arena;
        int[] p = pending;
        for (int i = 0; i < pendingCount; i++) {
            a[p[i]]++;
        }
        pendingCount = 0;
    }

    /** Adds the counts of window {@code from} to window {@code into}; returns {@code into}'s new description. */
    long add(long into, long from) {
        applyPending();
        if (isEmpty(from)) {
            return into;
        }
        int lowest = lowest(from);
        int highest = highest(from);
        into = cover(into, lowest, highest);
        int source = offset(from) - base(from);
        int target = offset(into) - base(into);
        for (int i = lowest; i <= highest; i++) {
            arena[target + i] += arena[source + i];
        }
        return widen(into, lowest, highest);
    }

    /** Adds the counts of window {@code meta} to an accumulator ({@link LogWindow}); returns it. */
    long[] addTo(long[] accumulator, long meta) {
        applyPending();
        if (isEmpty(meta)) {
            return accumulator;
        }
        return LogWindow.add(accumulator, arena, offset(meta) - base(meta), lowest(meta), highest(meta));
    }

    /** Frees window {@code meta}; returns {@link #NONE}. */
    long free(long meta) {
        applyPending();
        if (meta < 0) {
            Arrays.fill(arena, offset(meta), offset(meta) + capacity(meta), 0);
            int sizeClass = sizeClass(meta);
            if (spareCount[sizeClass] == spare[sizeClass].length) {
                spare[sizeClass] = Arrays.copyOf(spare[sizeClass], spareCount[sizeClass] * 2);
            }
            spare[sizeClass][spareCount[sizeClass]++] = offset(meta) / UNIT;
        }
        return NONE;
    }

    static boolean isEmpty(long meta) {
        return meta >= 0 || lowest(meta) > highest(meta);
    }

    /** A window that covers buckets {@code from..to}: {@code meta} itself, or a new one holding its counts. */
    private long cover(long meta, int from, int to) {
        boolean has = meta < 0;
        int base = base(meta);
        if (has && from >= base && to < base + capacity(meta)) {
            return meta;
        }
        applyPending(); // the window's counts move
        boolean empty = isEmpty(meta);
        int lowest = empty ? from : Math.min(from, lowest(meta));
        int highest = empty ? to : Math.max(to, highest(meta));
        int sizeClass = 0;
        while ((UNIT << sizeClass) < highest - lowest + 1 + UNIT && sizeClass < CLASSES - 1) {
            sizeClass++; // room for the values seen and an octave more
        }
        int capacity = UNIT << sizeClass;
        int newBase = Math.max(0, Math.min(LogBuckets.COUNT - capacity,
                lowest - (capacity - (highest - lowest + 1)) / 2));
        int offset = allocate(sizeClass);
        long fresh = HAS | (long) (offset / UNIT) | (long) sizeClass << CLASS_SHIFT | (long) newBase << BASE_SHIFT;
        if (empty) {
            free(meta);
            return withRange(fresh, EMPTY_LOWEST, 0);
        }
        System.arraycopy(arena, offset(meta) + lowest(meta) - base, arena, offset + lowest(meta) - newBase,
                highest(meta) - lowest(meta) + 1);
        free(meta);
        return withRange(fresh, lowest(meta), highest(meta));
    }

    private int allocate(int sizeClass) {
        if (spareCount[sizeClass] > 0) {
            return spare[sizeClass][--spareCount[sizeClass]] * UNIT;
        }
        int capacity = UNIT << sizeClass;
        if (used + capacity > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + capacity));
        }
        int offset = used;
        used += capacity;
        return offset;
    }

    private static long widen(long meta, int from, int to) {
        int lowest = lowest(meta);
        int highest = highest(meta);
        if (lowest > highest) {
            return withRange(meta, from, to);
        }
        return from < lowest || to > highest ? withRange(meta, Math.min(from, lowest), Math.max(to, highest)) : meta;
    }

    private static long withRange(long meta, int lowest, int highest) {
        return (meta & ~(0xfffffL << LOWEST_SHIFT)) | (long) lowest << LOWEST_SHIFT | (long) highest << HIGHEST_SHIFT;
    }

    private static int offset(long meta) {
        return (int) (meta & ((1L << OFFSET_BITS) - 1)) * UNIT;
    }

    private static int sizeClass(long meta) {
        return (int) (meta >>> CLASS_SHIFT) & 7;
    }

    private static int capacity(long meta) {
        return UNIT << sizeClass(meta);
    }

    private static int base(long meta) {
        return (int) (meta >>> BASE_SHIFT) & 1023;
    }

    private static int lowest(long meta) {
        return (int) (meta >>> LOWEST_SHIFT) & 1023;
    }

    private static int highest(long meta) {
        return (int) (meta >>> HIGHEST_SHIFT) & 1023;
    }
}
