package dev.ior.tui;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * The auto-reset timer ({@code I}): off, or every 10, 30 or 60 seconds the
 * flamegraph's counts start again, as its {@code r} key does. Time comes from a clock
 * given (nanoseconds, like {@link System#nanoTime}), so tests need not wait.
 */
final class AutoReset {

    private static final List<Integer> PERIODS = List.of(0, 10, 30, 60);
    private static final long SECOND = 1_000_000_000L;

    private final LongSupplier clock;
    private int period;
    private long dueNanos;

    AutoReset(LongSupplier clock) {
        this.clock = clock;
    }

    /** Off, 10 s, 30 s, 60 s, off...; a new period counts from now. Returns the period in seconds (0 = off). */
    int cycle() {
        period = PERIODS.get((PERIODS.indexOf(period) + 1) % PERIODS.size());
        dueNanos = clock.getAsLong() + period * SECOND;
        return period;
    }

    /** True once per period when it has run out (the next period starts then); always false when off. */
    boolean due() {
        if (period == 0) {
            return false;
        }
        long now = clock.getAsLong();
        if (now - dueNanos < 0) {
            return false;
        }
        dueNanos = now + period * SECOND;
        return true;
    }

    /** What the chrome shows: {@code reset in 23s}, or "" when off. */
    String label() {
        if (period == 0) {
            return "";
        }
        long left = Math.max(0, dueNanos - clock.getAsLong());
        return "reset in " + (left + SECOND - 1) / SECOND + "s";
    }
}
