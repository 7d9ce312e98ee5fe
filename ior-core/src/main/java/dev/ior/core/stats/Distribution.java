package dev.ior.core.stats;

/**
 * A latency or gap histogram as the Latency + Gaps tab shows it: counts per octave
 * and the marked percentiles. Percentiles come from HdrHistogram (within 1 %) when
 * nothing narrows the view by a key field, from compact histograms (within
 * {@link LogBuckets#RELATIVE_ERROR}) otherwise: {@link #relativeError()} says which.
 *
 * @param count         how many values
 * @param sumNs         their sum
 * @param octaveCounts  values per octave, index k for {@code [2^k, 2^(k+1))} ns (0 holds 0 and 1),
 *                      {@link LogBuckets#OCTAVES} entries
 * @param p50           median
 * @param p95           95th percentile
 * @param p99           99th percentile
 * @param max           the largest value, exactly
 * @param relativeError the bound on the percentiles' relative error
 */
public record Distribution(long count, long sumNs, long[] octaveCounts, long p50, long p95, long p99, long max,
                           double relativeError) {

    /** Mean value, 0 when empty. */
    public long mean() {
        return count == 0 ? 0 : sumNs / count;
    }
}
