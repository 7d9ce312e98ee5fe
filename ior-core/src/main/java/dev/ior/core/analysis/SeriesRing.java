package dev.ior.core.analysis;

import dev.ior.core.stats.LogBuckets;
import dev.ior.core.stats.TimeSeries;
import java.util.Arrays;

/**
 * The last N seconds, one column per second of the events' clock: events, bytes and
 * a latency-octave histogram per column (sparklines and heatmap). Events that arrive
 * late by more than N seconds are not placed. Pipeline thread only.
 */
final class SeriesRing {

    private final int capacity;
    private final long[] events;
    private final long[] bytes;
    private final long[] heat;
    private final long sinceNs;
    private long head = Long.MIN_VALUE;

    SeriesRing(int capacity, long sinceNs) {
        this.capacity = capacity;
        this.events = new long[capacity];
        this.bytes = new long[capacity];
        this.heat = new long[capacity * LogBuckets.OCTAVES];
        this.sinceNs = sinceNs;
    }

    void record(long second, long byteCount, int octave) {
        if (second > head) {
            advanceTo(second);
        } else if (second <= head - capacity) {
            return;
        }
        int column = column(second);
        events[column]++;
        bytes[column] += byteCount;
        if (octave >= 0) { // -1: a call that never returns has no latency to show
            heat[column * LogBuckets.OCTAVES + octave]++;
        }
    }

    /** Makes {@code second} the newest column, clearing the columns it passes. */
    void advanceTo(long second) {
        if (head == Long.MIN_VALUE) {
            head = second;
            return;
        }
        for (long s = head + 1; s <= Math.min(second, head + capacity); s++) {
            int column = column(s);
            events[column] = 0;
            bytes[column] = 0;
            Arrays.fill(heat, column * LogBuckets.OCTAVES, (column + 1) * LogBuckets.OCTAVES, 0);
        }
        head = Math.max(head, second);
    }

    /** Events per second over the sliding second ending at {@code nowSecond} + {@code fraction}. */
    double rate(long nowSecond, double fraction) {
        if (head == Long.MIN_VALUE) {
            return 0;
        }
        long newest = Math.min(head, nowSecond);
        long current = newest > head - capacity ? events[column(newest)] : 0;
        long previous = newest - 1 > head - capacity ? events[column(newest - 1)] : 0;
        return Rates.perSecond(newest, current, previous, nowSecond, fraction);
    }

    /** The columns up to {@code nowSecond}, oldest first. */
    TimeSeries snapshot(long nowSecond) {
        if (head != Long.MIN_VALUE) {
            advanceTo(nowSecond);
        }
        long last = head == Long.MIN_VALUE ? nowSecond : head;
        long[] e = new long[capacity];
        long[] b = new long[capacity];
        long[][] h = new long[capacity][];
        for (int i = 0; i < capacity; i++) {
            long second = last - capacity + 1 + i;
            int column = column(second);
            boolean held = head != Long.MIN_VALUE;
            e[i] = held ? events[column] : 0;
            b[i] = held ? bytes[column] : 0;
            h[i] = held ? Arrays.copyOfRange(heat, column * LogBuckets.OCTAVES, (column + 1) * LogBuckets.OCTAVES)
                    : new long[LogBuckets.OCTAVES];
        }
        return new TimeSeries(last, e, b, h, sinceNs);
    }

    private int column(long second) {
        return (int) Math.floorMod(second, (long) capacity);
    }
}
