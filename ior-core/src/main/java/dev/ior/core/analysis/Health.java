package dev.ior.core.analysis;

import dev.ior.core.SessionCounters;

/**
 * The session's own health at a snapshot: how fast events arrive, what was lost or
 * dropped and why, and how much the bounded tables had to evict.
 *
 * @param eventsPerSecond  events per second over the last second (sliding)
 * @param counters         delivered, lost in the kernel, dropped in user space, unmatched, ring fill
 * @param evictedFiles     paths merged into the "(other)" row so far
 * @param evictedProcesses processes merged into the "(other)" row so far
 * @param keys             fine keys held now
 */
public record Health(double eventsPerSecond, SessionCounters counters, long evictedFiles, long evictedProcesses,
                     int keys) {

    /** One line for a status bar: {@code 12345 ev/s  lost 0  dropped 0  unmatched 0  ring 3%}. */
    public String line() {
        return String.format("%d ev/s  lost %d  dropped %d  unmatched %d  ring %d%%", Math.round(eventsPerSecond),
                counters.lostKernel(), counters.droppedUser(), counters.unmatchedExits(),
                Math.round(counters.ringFill() * 100));
    }
}
