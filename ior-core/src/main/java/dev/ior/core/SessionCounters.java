package dev.ior.core;

/**
 * A session's health: how much it delivered and everything it lost or skipped, by
 * cause. Nothing is lost silently: {@link #summaryLine()} is the line every tracing
 * command prints last.
 *
 * @param events          events delivered to the session's consumers
 * @param lostKernel      records lost in the kernel (ring full, no per-thread slot)
 * @param droppedUser     events dropped in user space (a full recorder queue)
 * @param unmatchedExits  exits whose enter was not seen (calls in flight at attach; seccomp)
 * @param filteredKernel  calls dropped in the kernel by the minimum-latency filter
 * @param rejectedKernel  calls dropped in the kernel by the pid, tid or comm filter
 * @param ringFill        the kernel ring's fill level at the last read, 0..1
 */
public record SessionCounters(long events, long lostKernel, long droppedUser, long unmatchedExits,
                              long filteredKernel, long rejectedKernel, double ringFill) {

    /** Nothing counted yet. */
    public static final SessionCounters NONE = new SessionCounters(0, 0, 0, 0, 0, 0, 0);


    /** The machine-readable summary: {@code ior: events=N lost_kernel=L dropped_user=D}. */
    public String summaryLine() {
        return "ior: events=" + events + " lost_kernel=" + lostKernel + " dropped_user=" + droppedUser;
    }
}
