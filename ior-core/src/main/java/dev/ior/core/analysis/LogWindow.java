package dev.ior.core.analysis;

import dev.ior.core.stats.LatencySummary;
import dev.ior.core.stats.LogBuckets;
import java.util.Arrays;

/**
 * Compact histograms ({@link LogBuckets}) being summed at publication time, as bare
 * {@code long[]}s: a three-long header (first bucket of the window, lowest and highest
 * bucket used) then the counts of the window's buckets. The window grows
 * geometrically when counts fall outside it; methods that may grow it return the
 * array to keep.
 */
final class LogWindow {

    /** The empty histogram: shared, never written (any value makes a new array). */
    static final long[] EMPTY = {0, Integer.MAX_VALUE, -1};

    private static final int BASE = 0;
    private static final int LOWEST = 1;
    private static final int HIGHEST = 2;
    private static final int HEADER = 3;
    /** The fewest buckets a window grows by on the side it grows: one octave. */
    private static final int MIN_GROWTH = 16;

    private LogWindow() {
    }

    /**
     * Adds counts kept elsewhere: bucket {@code i} for {@code lowest <= i <= highest} at
     * {@code source[shift + i]}. Returns {@code into} (a new array when it grew).
     */
    static long[] add(long[] into, long[] source, int shift, int lowest, int highest) {
        into = cover(into, lowest, highest);
        int target = HEADER - (int) into[BASE];
        for (int i = lowest; i <= highest; i++) {
            into[target + i] += source[shift + i];
        }
        into[LOWEST] = Math.min(into[LOWEST], lowest);
        into[HIGHEST] = Math.max(into[HIGHEST], highest);
        return into;
    }

    static boolean isEmpty(long[] w) {
        return w[HIGHEST] < w[LOWEST];
    }

    /** An immutable copy of the used buckets, with the exact count and maximum kept beside them. */
    static LatencySummary summary(long[] w, long count, long max) {
        if (isEmpty(w)) {
            return LatencySummary.EMPTY;
        }
        int from = (int) (w[LOWEST] - w[BASE]) + HEADER;
        int to = (int) (w[HIGHEST] - w[BASE]) + HEADER + 1;
        return new LatencySummary((int) w[LOWEST], Arrays.copyOfRange(w, from, to), count, max);
    }

    /** {@code w}, or a bigger copy, whose window covers buckets {@code from..to}. */
    private static long[] cover(long[] w, int from, int to) {
        int base = (int) w[BASE];
        int length = w.length - HEADER;
        int end = base + length;
        if (length > 0 && from >= base && to < end) {
            return w;
        }
        int newBase;
        int newEnd;
        if (length == 0) {
            newBase = from - MIN_GROWTH / 2;
            newEnd = to + 1 + MIN_GROWTH / 2;
        } else {
            int growth = Math.max(MIN_GROWTH, length);
            newBase = from < base ? Math.min(from, base - growth) : base;
            newEnd = to >= end ? Math.max(to + 1, end + growth) : end;
        }
        newBase = Math.max(0, newBase);
        newEnd = Math.min(LogBuckets.COUNT, newEnd);
        long[] bigger = new long[HEADER + newEnd - newBase];
        if (length > 0) {
            System.arraycopy(w, HEADER, bigger, HEADER + base - newBase, length);
        }
        bigger[BASE] = newBase;
        bigger[LOWEST] = w[LOWEST];
        bigger[HIGHEST] = w[HIGHEST];
        return bigger;
    }
}
