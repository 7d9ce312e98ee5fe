package dev.ior.core.analysis;

import dev.ior.core.stats.LogBuckets;

/**
 * What is counted from one moment for the events that pass the frames up to one level
 * of the filter stack: sparklines, heatmap and exact gap histograms. Gaps are per
 * event and not kept per key, so a frame narrows them from its push on, like the
 * series. Pipeline thread only.
 */
final class Scope {

    final SeriesRing series;
    final SyscallHistograms gaps = new SyscallHistograms();
    final long sinceNs;

    Scope(int seconds, long sinceNs) {
        this.series = new SeriesRing(seconds, sinceNs);
        this.sinceNs = sinceNs;
    }

    void record(long second, int syscall, long latencyNs, long gapNs, long bytes) {
        series.record(second, bytes, latencyNs == KeyStore.NO_LATENCY ? -1 : LogBuckets.octave(latencyNs));
        if (gapNs > 0) {
            gaps.record(syscall, gapNs);
        }
    }
}
