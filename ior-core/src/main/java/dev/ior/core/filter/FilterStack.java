package dev.ior.core.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The frames that scope every aggregation, the flamegraph and the stream: they AND
 * together and are pushed and popped last in, first out. Immutable; push and pop
 * return new stacks.
 *
 * @param frames the frames, bottom (first pushed) first
 */
public record FilterStack(List<FilterFrame> frames) {

    /** No frames: everything passes. */
    public static final FilterStack EMPTY = new FilterStack(List.of());

    public FilterStack {
        frames = List.copyOf(frames);
    }

    /** This stack with {@code frame} on top. */
    public FilterStack push(FilterFrame frame) {
        List<FilterFrame> more = new ArrayList<>(frames);
        more.add(frame);
        return new FilterStack(more);
    }

    /** This stack without its top frame (the empty stack stays empty). */
    public FilterStack pop() {
        return frames.isEmpty() ? this : new FilterStack(frames.subList(0, frames.size() - 1));
    }

    /** Whether no frame is pushed. */
    public boolean isEmpty() {
        return frames.isEmpty();
    }

    /** How many frames are pushed. */
    public int size() {
        return frames.size();
    }

    /** The status line: {@code filter: all}, or the frames bottom first, {@code filter: comm~bash > syscall~open}. */
    public String text() {
        return frames.isEmpty() ? "filter: all"
                : frames.stream().map(FilterFrame::text).collect(Collectors.joining(" > ", "filter: ", ""));
    }

    @Override
    public String toString() {
        return text();
    }
}
