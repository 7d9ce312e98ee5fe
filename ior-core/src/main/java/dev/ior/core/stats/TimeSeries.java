package dev.ior.core.stats;

import java.util.Arrays;

/**
 * The last seconds of a session, one column per second, oldest first, the newest
 * being the second in progress: events and bytes per second (the sparklines) and
 * latencies per octave (the heatmap). Seconds are on the events' clock
 * (CLOCK_BOOTTIME for live sessions, the recorded clock for replays).
 *
 * @param lastSecond  the second of the newest column
 * @param events      events per second
 * @param bytes       bytes read and written per second
 * @param latencyHeat per column, events per latency octave ({@link LogBuckets#octave}); rows are
 *                    {@link LogBuckets#OCTAVES} long
 * @param sinceNs     when counting for this view started (the last filter change that narrowed it),
 *                    on the events' clock; columns before it are empty for that reason
 */
public record TimeSeries(long lastSecond, long[] events, long[] bytes, long[][] latencyHeat, long sinceNs) {

    public TimeSeries {
        events = events.clone();
        bytes = bytes.clone();
        latencyHeat = deepCopy(latencyHeat);
    }

    /** Events per second, oldest first (a copy). */
    @Override
    public long[] events() {
        return events.clone();
    }

    /** Bytes per second, oldest first (a copy). */
    @Override
    public long[] bytes() {
        return bytes.clone();
    }

    /** Per column, events per latency octave (a copy). */
    @Override
    public long[][] latencyHeat() {
        return deepCopy(latencyHeat);
    }

    /** Events of column {@code column} (0 = oldest). */
    public long events(int column) {
        return events[column];
    }

    /** Bytes of column {@code column}. */
    public long bytes(int column) {
        return bytes[column];
    }

    /** Events of column {@code column} whose latency fell in octave {@code octave}: one heatmap cell. */
    public long heat(int column, int octave) {
        return latencyHeat[column][octave];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries t && t.lastSecond == lastSecond && t.sinceNs == sinceNs
                && Arrays.equals(t.events, events) && Arrays.equals(t.bytes, bytes)
                && Arrays.deepEquals(t.latencyHeat, latencyHeat);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lastSecond) * 31 + Arrays.hashCode(events);
    }

    @Override
    public String toString() {
        return "TimeSeries[lastSecond=" + lastSecond + ", events=" + Arrays.toString(events) + ", sinceNs=" + sinceNs
                + "]";
    }

    private static long[][] deepCopy(long[][] rows) {
        long[][] copy = new long[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /** How many columns. */
    public int seconds() {
        return events.length;
    }
}
