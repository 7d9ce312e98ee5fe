package dev.ior.core.flame;

/**
 * What one flamegraph frame adds up to in both metrics: the dashboard shows both for
 * the selected frame, whichever one the bars measure.
 *
 * @param count events
 * @param bytes bytes read and written
 */
public record FlameTotals(long count, long bytes) {

    /** The figure {@code metric} measures. */
    public long value(FlameMetric metric) {
        return switch (metric) {
            case COUNT -> count;
            case BYTES -> bytes;
        };
    }
}
