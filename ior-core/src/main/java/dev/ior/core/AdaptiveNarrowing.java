package dev.ior.core;

import dev.ior.core.syscall.Effect;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallTable;
import java.time.Duration;
import java.util.Arrays;

/**
 * The decisions of {@link Adaptive} narrowing, apart from the session so that they can
 * be driven by a made-up clock: events are counted per syscall as they are delivered,
 * and every flush tick says whether a window closed and what to narrow then. Runs on
 * the reading thread only.
 */
final class AdaptiveNarrowing {

    /** Narrow {@code syscall} to rate 0 because {@code lost} records were lost {@code over} the last windows. */
    record Step(Syscall syscall, long lost, Duration over) {

        /** What the session says when it takes this step. */
        String warning() {
            return "losing events (" + lost + " lost in the last " + span(over) + "): counting " + syscall.name()
                    + " in the kernel only from now on (exact totals stay in the summary)";
        }

        private static String span(Duration duration) {
            return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
        }
    }

    private final Adaptive settings;
    private final long windowNs;
    private final SyscallTable table;
    /** Events delivered in the current window, by syscall id. */
    private final long[] events;
    /** Losses of the last {@code lossyWindows} closed windows, a ring indexed by window count. */
    private final long[] recentLosses;
    private long windowsClosed;
    private boolean windowOpen;
    private long windowStartNs;
    private long lostAtWindowStart;
    private int lossyStreak;
    private boolean settling;

    AdaptiveNarrowing(Adaptive settings, SyscallTable table) {
        this.settings = settings;
        this.windowNs = settings.window().toNanos();
        this.table = table;
        this.events = new long[table.all().size()];
        this.recentLosses = new long[settings.lossyWindows()];
    }

    /** One more event of {@code syscall} delivered (the hot path: no allocation). */
    void count(Syscall syscall) {
        events[syscall.id()]++;
    }

    /**
     * A flush tick at {@code nowNs}, when the kernel had dropped {@code lostRingFull}
     * records in all: the step to take now, or null.
     */
    Step tick(long nowNs, long lostRingFull, Sampling sampling) {
        if (!windowOpen) {
            startWindow(nowNs, lostRingFull);
            return null;
        }
        if (nowNs - windowStartNs < windowNs) {
            return null;
        }
        long lost = lostRingFull - lostAtWindowStart;
        recentLosses[(int) (windowsClosed++ % recentLosses.length)] = lost;
        Step step = null;
        if (settling) {
            settling = false; // losses of the window after a step belong to the records made before it
        } else if (lost == 0) {
            lossyStreak = 0;
        } else if (++lossyStreak >= settings.lossyWindows()) {
            Syscall hottest = hottest(sampling);
            if (hottest != null) {
                step = new Step(hottest, Arrays.stream(recentLosses).sum(),
                        settings.window().multipliedBy(settings.lossyWindows()));
                settling = true;
            }
        }
        startWindow(nowNs, lostRingFull);
        return step;
    }

    /** The syscall with the most events in the window that may still be narrowed; null when none. */
    private Syscall hottest(Sampling sampling) {
        Syscall hottest = null;
        long most = 0;
        for (int id = 0; id < events.length; id++) {
            if (events[id] > most) {
                Syscall syscall = table.byId(id);
                if (narrowable(syscall, sampling)) {
                    hottest = syscall;
                    most = events[id];
                }
            }
        }
        return hottest;
    }

    /** Not a call the kernel emits for ior's fd tables anyway, sampled at all, and not already counted only. */
    private static boolean narrowable(Syscall syscall, Sampling sampling) {
        return syscall.effect() == Effect.NONE && !syscall.isUringOperation() && sampling.rateOf(syscall) != 0;
    }

    private void startWindow(long nowNs, long lostRingFull) {
        windowOpen = true;
        windowStartNs = nowNs;
        lostAtWindowStart = lostRingFull;
        Arrays.fill(events, 0);
    }
}
