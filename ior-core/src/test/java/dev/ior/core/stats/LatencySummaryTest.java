package dev.ior.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

public class LatencySummaryTest {

    /** The reference summary of {@code values}: one bucket count per value. */
    public static LatencySummary of(long... values) {
        long[] counts = new long[LogBuckets.COUNT];
        long max = 0;
        for (long v : values) {
            counts[LogBuckets.index(v)]++;
            max = Math.max(max, v);
        }
        return new LatencySummary(0, counts, values.length, max);
    }

    /** The nearest-rank percentile of {@code values}: the reference. */
    static long nearestRank(long[] values, double percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.max(1, Math.ceil(percentile / 100 * sorted.length));
        return sorted[rank - 1];
    }

    @Test
    void percentilesAreWithinTheStatedErrorOfTheReference() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            long[] values = new long[random.nextInt(1, 5_000)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextLong(1, 1L << random.nextInt(1, 40));
            }
            LatencySummary summary = of(values);
            for (double p : new double[] {1, 50, 90, 95, 99, 99.9, 100}) {
                long exact = nearestRank(values, p);
                long read = summary.percentile(p);
                assertTrue(Math.abs(read - exact) <= exact * LogBuckets.RELATIVE_ERROR,
                        "p" + p + " of " + values.length + " values: " + read + " vs " + exact);
            }
            assertEquals(Arrays.stream(values).max().orElseThrow(), summary.percentile(100));
        }
    }

    @Test
    void mergingEqualsSummarisingTogether() {
        LatencySummary a = of(10, 20, 3_000, 40_000);
        LatencySummary b = of(5, 1_000_000);
        LatencySummary both = a.merge(b);
        LatencySummary together = of(10, 20, 3_000, 40_000, 5, 1_000_000);
        assertEquals(6, both.count());
        assertEquals(1_000_000, both.max());
        for (double p : new double[] {10, 50, 80, 99, 100}) {
            assertEquals(together.percentile(p), both.percentile(p), "p" + p);
        }
        assertEquals(Arrays.toString(together.octaveCounts()), Arrays.toString(both.octaveCounts()));
        assertEquals(a, a.merge(LatencySummary.EMPTY));
        assertEquals(0, LatencySummary.EMPTY.percentile(50));
    }

    @Test
    void octaveCountsPlaceEachValue() {
        long[] octaves = of(0, 1, 2, 3, 1024, 2047, 2048).octaveCounts();
        assertEquals(2, octaves[0]);
        assertEquals(2, octaves[1]);
        assertEquals(2, octaves[10]);
        assertEquals(1, octaves[11]);
        assertEquals(7, Arrays.stream(octaves).sum());
    }
}
