package dev.ior.tui.tab.flame;

import dev.ior.core.flame.FlameNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each frame of a flamegraph tree goes on a row of {@code width} columns: the
 * root (or the zoomed frame) spans the width, every frame is as wide as its share of
 * it, rounded on the common scale so that neighbours never overlap, and frames less
 * than a column wide are left out with everything above them. When zoomed, the
 * zoomed frame's ancestors lie under it at full width, greyed out.
 */
final class FlameLayout {

    /**
     * One placed frame.
     *
     * @param depth    0 for the root
     * @param x        first column
     * @param width    columns
     * @param path     labels from the root's child to this frame (empty for the root)
     * @param label    the frame's label
     * @param value    its width in the metric
     * @param ancestor whether it lies under the zoomed frame (greyed out)
     */
    record Box(int depth, int x, int width, List<String> path, String label, long value, boolean ancestor) {
    }

    private final List<Box> boxes = new ArrayList<>();
    private final List<String> zoom;
    private final int width;
    private long total;

    private FlameLayout(List<String> zoom, int width) {
        this.zoom = zoom;
        this.width = width;
    }

    /**
     * Lays out {@code root} on {@code width} columns, zoomed into the frame at
     * {@code zoom} (as much of that path as still exists; empty = not zoomed).
     */
    static FlameLayout of(FlameNode root, List<String> zoom, int width) {
        List<String> reached = new ArrayList<>();
        FlameNode node = root;
        List<FlameNode> ancestors = new ArrayList<>();
        for (String label : zoom) {
            FlameNode child = node.child(label);
            if (child == null || child.value() == 0) {
                break;
            }
            ancestors.add(node);
            node = child;
            reached.add(label);
        }
        FlameLayout layout = new FlameLayout(List.copyOf(reached), width);
        for (int depth = 0; depth < ancestors.size(); depth++) {
            FlameNode ancestor = ancestors.get(depth);
            layout.boxes.add(new Box(depth, 0, width, List.copyOf(reached.subList(0, depth)), ancestor.label(),
                    ancestor.value(), true));
        }
        layout.total = node.value();
        if (layout.total > 0) {
            layout.place(node, ancestors.size(), List.copyOf(reached), 0);
        }
        return layout;
    }

    private void place(FlameNode node, int depth, List<String> path, long offset) {
        int x0 = column(offset);
        int x1 = column(offset + node.value());
        if (x1 - x0 < 1) {
            return;
        }
        boxes.add(new Box(depth, x0, x1 - x0, path, node.label(), node.value(), false));
        long childOffset = offset;
        for (FlameNode child : node.children()) {
            List<String> childPath = new ArrayList<>(path.size() + 1);
            childPath.addAll(path);
            childPath.add(child.label());
            place(child, depth + 1, childPath, childOffset);
            childOffset += child.value();
        }
    }

    private int column(long value) {
        return (int) Math.floorDiv(value * width, total);
    }

    /** Every placed frame, root first, then depth first left to right. */
    List<Box> boxes() {
        return boxes;
    }

    /** The zoom path that applies (what of the requested one still exists). */
    List<String> zoom() {
        return zoom;
    }

    /** The frame at {@code path}, or null when it is not placed. */
    Box at(List<String> path) {
        for (Box box : boxes) {
            if (box.path().equals(path)) {
                return box;
            }
        }
        return null;
    }

    /** The placed frame nearest {@code path}: itself, else its closest placed ancestor, else the first frame. */
    Box nearest(List<String> path) {
        for (int n = path.size(); n >= 0; n--) {
            Box box = at(path.subList(0, n));
            if (box != null) {
                return box;
            }
        }
        return boxes.isEmpty() ? null : boxes.getFirst();
    }

    /** The frame left (-1) or right (+1) of {@code box} on its row, or null at the end. */
    Box beside(Box box, int direction) {
        Box best = null;
        for (Box other : boxes) {
            if (other.depth() != box.depth() || other == box) {
                continue;
            }
            boolean onSide = direction < 0 ? other.x() < box.x() : other.x() > box.x();
            if (onSide && (best == null || (direction < 0 ? other.x() > best.x() : other.x() < best.x()))) {
                best = other;
            }
        }
        return best;
    }

    /** The leftmost placed frame on top of {@code box}, or null. */
    Box above(Box box) {
        Box best = null;
        for (Box other : boxes) {
            if (other.depth() == box.depth() + 1 && other.path().size() == box.path().size() + 1
                    && other.path().subList(0, box.path().size()).equals(box.path())
                    && (best == null || other.x() < best.x())) {
                best = other;
            }
        }
        return best;
    }
}
