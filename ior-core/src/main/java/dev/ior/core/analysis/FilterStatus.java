package dev.ior.core.analysis;

import dev.ior.core.filter.FilterFrame;
import dev.ior.core.filter.FilterStack;
import java.util.List;

/**
 * The filter stack a snapshot was made with, and since when each frame applies. Key
 * frames (comm, pid, tid, syscall, file) are retroactive: they narrow everything
 * counted since the start. Value frames (latency, gap, bytes, ret, fd) apply to events
 * from their push on, so tables, histograms and the flamegraph count from
 * {@link #countsSinceNs()}. Sparklines and the heatmap count from the last push of any
 * frame ({@link dev.ior.core.stats.TimeSeries#sinceNs()}); the stream tail filters
 * every event it still holds.
 *
 * @param stack         the frames
 * @param applied       each frame with the time it took effect, bottom first
 * @param countsSinceNs since when tables, histograms and the flamegraph count, on the events' clock
 */
public record FilterStatus(FilterStack stack, List<AppliedFrame> applied, long countsSinceNs) {

    /** A frame and when it took effect. */
    public record AppliedFrame(FilterFrame frame, long sinceNs) {

        /** Whether the frame also narrows what was counted before its push. */
        public boolean retroactive() {
            return frame.isKeyFrame();
        }
    }

    public FilterStatus {
        applied = List.copyOf(applied);
    }

    /** The status line: {@code filter: all} or {@code filter: comm~bash > syscall~openat}. */
    public String line() {
        return stack.text();
    }
}
