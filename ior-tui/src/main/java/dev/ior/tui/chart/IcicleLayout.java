package dev.ior.tui.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An icicle of a directory tree: one row per depth, top down, each directory (or file)
 * as wide as its share of its parent's width, its weight being the sum of the weights of
 * the paths under it. Row 0 holds {@code /} and the names that are not absolute paths
 * (pipes, sockets, events without a file); children sit under their parent, largest
 * first. Edges are rounded once from cumulative sums, so siblings never overlap and
 * fill their parent but for what the parent weighs itself.
 */
public final class IcicleLayout {

    /**
     * One placed node.
     *
     * @param path   the full path ({@code /usr/lib}), or the name for a non-path
     * @param label  the last step ({@code lib}; {@code /} for the root)
     * @param depth  the row: 0 for the top
     * @param x      first column
     * @param width  columns
     * @param weight the sum over the paths under it
     */
    public record Box(String path, String label, int depth, int x, int width, long weight) {
    }

    /** A node of the tree being built; children by name. */
    private static final class Node {
        final String path;
        final String label;
        final Map<String, Node> children = new TreeMap<>();
        long weight;

        Node(String path, String label) {
            this.path = path;
            this.label = label;
        }

        Node child(String name, String childPath) {
            return children.computeIfAbsent(name, n -> new Node(childPath, n));
        }
    }

    private IcicleLayout() {
    }

    /**
     * The boxes of {@code weights} (path to weight) across {@code width} columns, top
     * row first, left to right; nodes of weight 0 or narrower than a column are left out,
     * with everything under them.
     */
    public static List<Box> layout(Map<String, Long> weights, int width) {
        Node top = new Node("", "");
        weights.forEach((path, weight) -> {
            if (weight <= 0) {
                return;
            }
            Node node = path.startsWith("/") ? top.child("/", "/") : top.child(path, path);
            node.weight += weight;
            if (path.startsWith("/")) {
                StringBuilder at = new StringBuilder();
                for (String step : path.substring(1).split("/")) {
                    if (!step.isEmpty()) {
                        at.append('/').append(step);
                        node = node.child(step, at.toString());
                        node.weight += weight;
                    }
                }
            }
            top.weight += weight;
        });
        List<Box> boxes = new ArrayList<>();
        if (top.weight > 0 && width > 0) {
            place(top, -1, 0, width, boxes);
        }
        boxes.sort(Comparator.comparingInt(Box::depth).thenComparingInt(Box::x));
        return List.copyOf(boxes);
    }

    private static void place(Node node, int depth, int x, int width, List<Box> boxes) {
        if (depth >= 0) {
            boxes.add(new Box(node.path, node.label, depth, x, width, node.weight));
        }
        List<Node> children = new ArrayList<>(node.children.values());
        children.sort(Comparator.comparingLong((Node n) -> n.weight).reversed().thenComparing(n -> n.label));
        long before = 0;
        for (Node child : children) {
            int from = x + (int) Math.round((double) width * before / node.weight);
            before += child.weight;
            int to = x + (int) Math.round((double) width * before / node.weight);
            if (to > from) {
                place(child, depth + 1, from, to - from, boxes);
            }
        }
    }
}
