package dev.ior.core.analysis;

/**
 * Events per second over a sliding one-second window, from two per-second counts:
 * the window covers the elapsed part of the current second and the rest of the
 * previous one, whose count is weighted by the share it still covers.
 */
final class Rates {

    static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Rates() {
    }

    /**
     * @param second   the second the counts belong to
     * @param current  events in {@code second}
     * @param previous events in the second before it
     * @param now      the current second
     * @param fraction how much of the current second has elapsed, 0..1
     */
    static double perSecond(long second, long current, long previous, long now, double fraction) {
        if (second == now) {
            return current + previous * (1 - fraction);
        }
        if (second == now - 1) {
            return current * (1 - fraction);
        }
        return 0;
    }
}
