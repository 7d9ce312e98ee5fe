package dev.ior.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogBucketsTest {

    @Test
    void valuesBelowSixteenHaveTheirOwnBucket() {
        for (long v = 0; v < 16; v++) {
            assertEquals(v, LogBuckets.representative(LogBuckets.index(v)));
        }
        assertEquals(0, LogBuckets.index(-5));
    }

    @Test
    void bucketsAreContiguousAndOrdered() {
        for (int i = 1; i < LogBuckets.COUNT; i++) {
            assertTrue(LogBuckets.lowerBound(i) > LogBuckets.lowerBound(i - 1), "bucket " + i);
            assertEquals(i, LogBuckets.index(LogBuckets.lowerBound(i)), "lower bound of " + i);
            assertEquals(i - 1, LogBuckets.index(LogBuckets.lowerBound(i) - 1), "just below " + i);
        }
        assertEquals(LogBuckets.COUNT - 1, LogBuckets.index(Long.MAX_VALUE));
    }

    @Test
    void everyValueReadsBackWithinTheStatedError() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 1_000_000; n++) {
            long v = random.nextLong(1L << random.nextInt(1, 62));
            long back = LogBuckets.representative(LogBuckets.index(v));
            assertTrue(Math.abs(back - v) <= v * LogBuckets.RELATIVE_ERROR, v + " read back as " + back);
        }
    }

    @Test
    void octavesArePowersOfTwo() {
        assertEquals(0, LogBuckets.octave(0));
        assertEquals(0, LogBuckets.octave(1));
        assertEquals(1, LogBuckets.octave(2));
        assertEquals(1, LogBuckets.octave(3));
        assertEquals(10, LogBuckets.octave(1024));
        assertEquals(10, LogBuckets.octave(2047));
        assertEquals(LogBuckets.OCTAVES - 1, LogBuckets.octave(Long.MAX_VALUE));
        assertEquals(1024, LogBuckets.octaveLowerBound(10));
    }
}
