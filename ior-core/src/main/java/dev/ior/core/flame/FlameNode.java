package dev.ior.core.flame;

import java.util.List;

/**
 * One frame of a flamegraph tree: its label, its width in the chosen metric and the
 * frames on top of it, sorted by label. A frame is wider than its children together
 * when some of its events have no value in the next dimension (no file, say).
 *
 * @param label    the frame's text (a comm, pid, syscall, path or directory)
 * @param value    the metric's total over the frame's events
 * @param children the frames stacked on this one, by label
 */
public record FlameNode(String label, long value, List<FlameNode> children) {

    public FlameNode {
        children = List.copyOf(children);
    }

    /** The part of the width not covered by children. */
    public long self() {
        long covered = 0;
        for (FlameNode child : children) {
            covered += child.value;
        }
        return value - covered;
    }

    /** The child labelled {@code childLabel}, or null. */
    public FlameNode child(String childLabel) {
        for (FlameNode child : children) {
            if (child.label.equals(childLabel)) {
                return child;
            }
        }
        return null;
    }
}
