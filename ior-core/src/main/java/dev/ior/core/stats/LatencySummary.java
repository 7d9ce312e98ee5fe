package dev.ior.core.stats;

import java.util.Arrays;

/**
 * An immutable compact histogram of times in nanoseconds ({@link LogBuckets}):
 * percentiles within {@link LogBuckets#RELATIVE_ERROR} of the exact ones, exact count
 * and maximum, mergeable (directory roll-ups merge the rows' summaries).
 */
public final class LatencySummary {

    /** No values. */
    public static final LatencySummary EMPTY = new LatencySummary(0, new long[0], 0, 0);

    private final int base;
    private final long[] counts;
    private final long count;
    private final long max;

    /**
     * A summary of {@code counts[i]} values in bucket {@code base + i}; the array is
     * owned by the summary from now on.
     */
    public LatencySummary(int base, long[] counts, long count, long max) {
        this.base = base;
        this.counts = counts;
        this.count = count;
        this.max = max;
    }

    /** How many values. */
    public long count() {
        return count;
    }

    /** The largest value, exactly. */
    public long max() {
        return max;
    }

    /**
     * The value at {@code percentile} (0..100) by nearest rank, within
     * {@link LogBuckets#RELATIVE_ERROR} of the exact one and never above {@link #max()}
     * (the top rank is the maximum itself); 0 when empty.
     */
    public long percentile(double percentile) {
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * count));
        if (rank >= count) {
            return max;
        }
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(LogBuckets.representative(base + i), max);
            }
        }
        return max;
    }

    /** How many values fall in each octave ({@link LogBuckets#octave}). */
    public long[] octaveCounts() {
        long[] octaves = new long[LogBuckets.OCTAVES];
        for (int i = 0; i < counts.length; i++) {
            octaves[LogBuckets.octave(LogBuckets.lowerBound(base + i))] += counts[i];
        }
        return octaves;
    }

    /** The values of this summary and {@code other} together. */
    public LatencySummary merge(LatencySummary other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        int from = Math.min(base, other.base);
        int to = Math.max(base + counts.length, other.base + other.counts.length);
        long[] merged = new long[to - from];
        for (int i = 0; i < counts.length; i++) {
            merged[base - from + i] += counts[i];
        }
        for (int i = 0; i < other.counts.length; i++) {
            merged[other.base - from + i] += other.counts[i];
        }
        return new LatencySummary(from, merged, count + other.count, Math.max(max, other.max));
    }

    /** Equal when they hold the same values per bucket (however wide their arrays). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LatencySummary other) || other.count != count || other.max != max) {
            return false;
        }
        int from = Math.min(base, other.base);
        int to = Math.max(base + counts.length, other.base + other.counts.length);
        for (int i = from; i < to; i++) {
            if (bucket(i) != other.bucket(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count) * 31 + Long.hashCode(max);
    }

    private long bucket(int index) {
        int at = index - base;
        return at >= 0 && at < counts.length ? counts[at] : 0;
    }

    @Override
    public String toString() {
        return "LatencySummary[count=" + count + ", max=" + max + ", base=" + base + ", counts="
                + Arrays.toString(counts) + "]";
    }
}
