package dev.ior.core.analysis;

import dev.ior.core.SessionCounters;
import java.util.StringJoiner;

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

    /**
     * One line for a status bar: {@code 12345 ev/s  lost 0  dropped 0  unmatched 0  ring 3%};
     * kernel losses name their causes: {@code lost 120 (ring full 100, no slot 20)}.
     */
    public String line() {
        return String.format("%d ev/s  lost %d%s  dropped %d  unmatched %d  ring %d%%", Math.round(eventsPerSecond),
                counters.lostKernel(), lossCauses(), counters.droppedUser(), counters.unmatchedExits(),
                Math.round(counters.ringFill() * 100));
    }

    /** The non-zero kernel loss causes in parentheses, or nothing when nothing was lost. */
    private String lossCauses() {
        StringJoiner causes = new StringJoiner(", ", " (", ")").setEmptyValue("");
        if (counters.lostRingFull() > 0) {
            causes.add("ring full " + counters.lostRingFull());
        }
        if (counters.lostNoSlot() > 0) {
            causes.add("no slot " + counters.lostNoSlot());
        }
        if (counters.lostUring() > 0) {
            causes.add("io_uring full " + counters.lostUring());
        }
        return causes.toString();
    }
}
