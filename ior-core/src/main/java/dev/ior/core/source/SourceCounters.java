package dev.ior.core.source;

/**
 * What a source counted about itself. Losses are never silent: every record the
 * kernel could not hand over is in one of these counters.
 *
 * @param emitted        records the kernel committed to the ring
 * @param lostRingFull   records dropped in the kernel because the ring was full
 * @param lostNoSlot     calls dropped because no per-thread slot could be allocated
 * @param unmatchedExits exits whose enter was not seen (in flight at attach, or denied by seccomp)
 * @param filteredKernel calls dropped in the kernel by the minimum-latency filter
 * @param rejectedKernel calls dropped in the kernel by the pid, tid or comm filter
 * @param lostUring      io_uring requests dropped because the in-flight map was full
 * @param ringFill       the ring's fill level at the last read, 0..1
 */
public record SourceCounters(long emitted, long lostRingFull, long lostNoSlot, long unmatchedExits,
                             long filteredKernel, long rejectedKernel, long lostUring, double ringFill) {

    /** No counts: sources that do not read a kernel ring. */
    public static final SourceCounters NONE = new SourceCounters(0, 0, 0, 0, 0, 0, 0, 0);

    /** Every record lost in the kernel, whatever the cause. */
    public long lostKernel() {
        return lostRingFull + lostNoSlot + lostUring;
    }
}
