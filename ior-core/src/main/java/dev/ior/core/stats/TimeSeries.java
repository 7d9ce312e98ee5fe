package dev.ior.core.stats;

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

    /** How many columns. */
    public int seconds() {
        return events.length;
    }
}
