package dev.ior.core.stats;

/**
 * The bucket scheme of ior's compact latency histograms: values below 16 exactly,
 * above that 16 buckets per power of two. A bucket's {@link #representative} is within
 * {@link #RELATIVE_ERROR} (1/32, about 3.1 %) of every value in it, so a percentile read
 * from these buckets is within 3.1 % of the exact one. Also the octaves
 * ({@code [2^k, 2^(k+1))}) that histograms and the heatmap show.
 */
public final class LogBuckets {

    /** The largest relative error of a value read back from a bucket. */
    public static final double RELATIVE_ERROR = 1.0 / 32;
    /** How many octaves histograms show: 1 ns up to 2^40 ns (about 18 minutes) and above. */
    public static final int OCTAVES = 41;
    /** How many buckets exist (indices 0..COUNT-1). */
    public static final int COUNT = 960;

    private static final int SUB_BITS = 4;
    private static final int SUB = 1 << SUB_BITS;

    private LogBuckets() {
    }

    /** The bucket of {@code value} (negative values count as 0). */
    public static int index(long value) {
        if (value < SUB) {
            return (int) Math.max(value, 0);
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        return ((exponent - SUB_BITS + 1) << SUB_BITS) + (int) ((value >>> (exponent - SUB_BITS)) & (SUB - 1));
    }

    /** The smallest value in bucket {@code index}. */
    public static long lowerBound(int index) {
        if (index < SUB) {
            return index;
        }
        int exponent = (index >> SUB_BITS) + SUB_BITS - 1;
        return ((long) SUB + (index & (SUB - 1))) << (exponent - SUB_BITS);
    }

    /** The value reported for bucket {@code index}: its middle. */
    public static long representative(int index) {
        long width = index < SUB ? 1 : 1L << ((index >> SUB_BITS) - 1);
        return lowerBound(index) + width / 2;
    }

    /** The octave of {@code value}: k for values in {@code [2^k, 2^(k+1))}, 0 for 0 and 1. */
    public static int octave(long value) {
        return value <= 1 ? 0 : Math.min(OCTAVES - 1, 63 - Long.numberOfLeadingZeros(value));
    }

    /** The smallest value of octave {@code k} (0 for the first, which also holds 0). */
    public static long octaveLowerBound(int k) {
        return k == 0 ? 0 : 1L << k;
    }
}
