package dev.ior.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.stats.LatencySummary;
import dev.ior.core.stats.LatencySummaryTest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WindowPoolTest {

    /** What window {@code meta} holds, as an immutable summary. */
    private static LatencySummary summary(WindowPool pool, long meta, long count, long max) {
        return LogWindow.summary(pool.addTo(LogWindow.EMPTY, meta), count, max);
    }

    @Test
    void windowsGrowToHoldAnySpreadOfValues() {
        WindowPool pool = new WindowPool();
        SplittableRandom random = new SplittableRandom(1);
        long[] values = new long[5_000];
        long meta = WindowPool.NONE;
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextLong(1L << random.nextInt(1, 50));
            meta = pool.record(meta, values[i]);
        }
        LatencySummary reference = LatencySummaryTest.of(values);
        assertEquals(reference, summary(pool, meta, reference.count(), reference.max()));
    }

    @Test
    void addingMergesAndFreedWindowsAreReusedEmpty() {
        WindowPool pool = new WindowPool();
        long a = pool.record(pool.record(WindowPool.NONE, 100), 5_000);
        long b = pool.record(pool.record(WindowPool.NONE, 100), 1_000_000);
        long merged = pool.add(a, b);
        assertEquals(LatencySummaryTest.of(100, 5_000, 100, 1_000_000), summary(pool, merged, 4, 1_000_000));
        pool.free(merged);
        long fresh = pool.record(WindowPool.NONE, 7);
        assertEquals(LatencySummaryTest.of(7), summary(pool, fresh, 1, 7));
        assertTrue(WindowPool.isEmpty(WindowPool.NONE));
    }
}
