package dev.ior.core.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * A latency or gap histogram as the Latency + Gaps tab shows it: counts per octave
 * and the marked percentiles. Percentiles come from HdrHistogram (within 1 %) or from
 * compact histograms (within {@link LogBuckets#RELATIVE_ERROR}): {@link #relativeError()}
 * says which. Latencies are exact unless a key frame narrows the view; gaps are always
 * exact but counted from the last push of a frame ({@link #sinceNs()}).
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
 * @param sinceNs       since when the values are counted, on the events' clock
 */
public record Distribution(long count, long sumNs, long[] octaveCounts, long p50, long p95, long p99, long max,
                           double relativeError, long sinceNs) {

    /** Keeps its own copy of the octave counts. */
    public Distribution {
        octaveCounts = octaveCounts.clone();
    }

    /** Values per octave (a copy). */
    @Override
    public long[] octaveCounts() {
        return octaveCounts.clone();
    }

    /** Values in octave {@code k}. */
    public long octaveCount(int k) {
        return octaveCounts[k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Distribution d && d.count == count && d.sumNs == sumNs && d.p50 == p50 && d.p95 == p95
                && d.p99 == p99 && d.max == max && d.relativeError == relativeError && d.sinceNs == sinceNs
                && Arrays.equals(d.octaveCounts, octaveCounts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, sumNs, p50, p95, p99, max, sinceNs) * 31 + Arrays.hashCode(octaveCounts);
    }

    @Override
    public String toString() {
        return "Distribution[count=" + count + ", sumNs=" + sumNs + ", octaveCounts=" + Arrays.toString(octaveCounts)
                + ", p50=" + p50 + ", p95=" + p95 + ", p99=" + p99 + ", max=" + max + ", relativeError="
                + relativeError + ", sinceNs=" + sinceNs + "]";
    }

    /** Mean value, 0 when empty. */
    public long mean() {
        return count == 0 ? 0 : sumNs / count;
    }
}
