package dev.ior.core;

/**
 * A session's health: how much it delivered and everything it lost or skipped, by
 * cause. Nothing is lost silently: {@link #summaryLine()} is the line every tracing
 * command prints last.
 *
 * @param events          events delivered to the session's consumers
 * @param lostRingFull    records dropped in the kernel because the ring was full (the reader fell behind)
 * @param lostNoSlot      calls dropped in the kernel because no per-thread slot could be allocated
 * @param lostUring       io_uring requests dropped because the kernel's in-flight table was full
 * @param droppedUser     events dropped in user space (a full recorder queue)
 * @param unmatchedExits  exits whose enter was not seen (calls in flight at attach; seccomp)
 * @param filteredKernel  calls dropped in the kernel by the minimum-latency filter
 * @param rejectedKernel  calls dropped in the kernel by the pid, tid or comm filter
 * @param ringFill        the kernel ring's fill level at the last read, 0..1
 */
public record SessionCounters(long events, long lostRingFull, long lostNoSlot, long lostUring, long droppedUser,
                              long unmatchedExits, long filteredKernel, long rejectedKernel, double ringFill) {

    /** Nothing counted yet. */
    public static final SessionCounters NONE = new SessionCounters(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Every record lost in the kernel, whatever the cause. */
    public long lostKernel() {
        return lostRingFull + lostNoSlot + lostUring;
    }

    /**
     * The machine-readable summary: {@code ior: events=N lost_kernel=L dropped_user=D},
     * followed by the kernel losses by cause when there were any
     * ({@code lost_ring_full=A lost_no_slot=B lost_uring_full=C}).
     */
    public String summaryLine() {
        String line = "ior: events=" + events + " lost_kernel=" + lostKernel() + " dropped_user=" + droppedUser;
        return lostKernel() == 0 ? line : line + " " + lossCauses();
    }

    /** The kernel losses by cause: {@code lost_ring_full=A lost_no_slot=B lost_uring_full=C}. */
    public String lossCauses() {
        return "lost_ring_full=" + lostRingFull + " lost_no_slot=" + lostNoSlot + " lost_uring_full=" + lostUring;
    }
}
