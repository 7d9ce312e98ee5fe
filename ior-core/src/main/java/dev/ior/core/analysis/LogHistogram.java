package dev.ior.core.analysis;

import dev.ior.core.stats.LatencySummary;
import dev.ior.core.stats.LogBuckets;
import java.util.Arrays;

/**
 * A mutable compact histogram ({@link LogBuckets}) with exact count, sum and maximum.
 * Counts are kept only for the window of buckets seen so far, which grows (rarely)
 * when a value falls outside it: a key with a narrow latency spread costs a few
 * hundred bytes. Pipeline thread only.
 */
final class LogHistogram {

    private static final long[] NONE = new long[0];
    /** Buckets added on each side when the window grows, so that growth stays rare. */
    private static final int SLACK = 8;

    private int base;
    private long[] counts = NONE;
    long count;
    long sum;
    long max;

    void record(long value) {
        int index = LogBuckets.index(value);
        int at = index - base;
        if (at < 0 || at >= counts.length) {
            grow(index, index + 1);
            at = index - base;
        }
        counts[at]++;
        count++;
        sum += value;
        if (value > max) {
            max = value;
        }
    }

    /** Adds every value of {@code other} to this one. */
    void add(LogHistogram other) {
        if (other.count == 0) {
            return;
        }
        int from = other.firstNonZero();
        int to = other.lastNonZero() + 1;
        if (from - base < 0 || to - base > counts.length) {
            grow(other.base + from, other.base + to);
        }
        for (int i = from; i < to; i++) {
            counts[other.base + i - base] += other.counts[i];
        }
        count += other.count;
        sum += other.sum;
        max = Math.max(max, other.max);
    }

    void clear() {
        Arrays.fill(counts, 0);
        count = 0;
        sum = 0;
        max = 0;
    }

    /** An immutable copy of the used part. */
    LatencySummary summary() {
        if (count == 0) {
            return LatencySummary.EMPTY;
        }
        int from = firstNonZero();
        int to = lastNonZero() + 1;
        return new LatencySummary(base + from, Arrays.copyOfRange(counts, from, to), count, max);
    }

    private int firstNonZero() {
        int i = 0;
        while (counts[i] == 0) {
            i++;
        }
        return i;
    }

    private int lastNonZero() {
        int i = counts.length - 1;
        while (counts[i] == 0) {
            i--;
        }
        return i;
    }

    /** Makes the window cover buckets {@code [from, to)} besides what it covers. */
    private void grow(int from, int to) {
        if (counts.length == 0) {
            base = Math.max(0, from - SLACK);
            counts = new long[Math.min(LogBuckets.COUNT, to + SLACK) - base];
            return;
        }
        int newBase = Math.max(0, Math.min(from, base) - SLACK);
        int newEnd = Math.min(LogBuckets.COUNT, Math.max(to, base + counts.length) + SLACK);
        long[] bigger = new long[newEnd - newBase];
        System.arraycopy(counts, 0, bigger, base - newBase, counts.length);
        counts = bigger;
        base = newBase;
    }
}
