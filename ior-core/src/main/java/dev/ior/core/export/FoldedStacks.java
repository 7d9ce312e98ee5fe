package dev.ior.core.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import dev.ior.core.flame.FlameNode;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flame graph data in the folded-stack format of flamegraph.pl and its kin: one
 * line per distinct stack, frames bottom to top joined by {@code ;}, a space, and
 * the stack's value. Lines are merged (a stack appears once), sorted, and carry no
 * empty frames: a stack whose deeper dimensions are empty (a call with no file)
 * simply ends earlier. A {@code ;} inside a frame is written {@code \x3b}, in ior's
 * one escape notation.
 */
public final class FoldedStacks {

    private final Map<String, Long> stacks = new TreeMap<>();

    /** The stacks of a flamegraph tree: each frame's own share ({@link FlameNode#self()}), root left out. */
    public static FoldedStacks of(FlameNode root) {
        FoldedStacks folded = new FoldedStacks();
        for (FlameNode child : root.children()) {
            folded.addTree(new ArrayList<>(), child);
        }
        return folded;
    }

    private void addTree(List<String> below, FlameNode node) {
        below.add(node.label());
        add(below, node.self());
        for (FlameNode child : node.children()) {
            addTree(below, child);
        }
        below.removeLast();
    }

    /** Adds {@code value} to the stack {@code frames} (bottom first). Zero values are ignored. */
    public void add(List<String> frames, long value) {
        if (value == 0) {
            return;
        }
        StringBuilder line = new StringBuilder();
        for (String frame : frames) {
            if (frame == null || frame.isEmpty()) {
                break;
            }
            if (!line.isEmpty()) {
                line.append(';');
            }
            line.append(frame.replace(";", "\\x3b"));
        }
        if (!line.isEmpty()) {
            stacks.merge(line.toString(), value, Long::sum);
        }
    }

    /** The folded lines, sorted by stack. */
    public Map<String, Long> lines() {
        return Map.copyOf(stacks);
    }

    /** Writes one {@code stack value} line per stack. */
    public void writeTo(Writer out) {
        try {
            for (Map.Entry<String, Long> line : stacks.entrySet()) {
                out.write(line.getKey());
                out.write(' ');
                out.write(Long.toString(line.getValue()));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stacks as a tree: the root holds the total; children are sorted by name. */
    public Frame tree() {
        Frame root = new Frame("all");
        for (Map.Entry<String, Long> stack : stacks.entrySet()) {
            Frame node = root;
            node.value += stack.getValue();
            for (String name : stack.getKey().split(";")) {
                node = node.child(name);
                node.value += stack.getValue();
            }
        }
        return root;
    }

    /** A frame of the tree: its name, its value (its stacks' total) and its children. */
    public static final class Frame {
        private final String name;
        private final Map<String, Frame> children = new LinkedHashMap<>();
        private long value;

        Frame(String name) {
            this.name = name;
        }

        /** The frame's label. */
        public String name() {
            return name;
        }

        /** The total value of every stack through this frame. */
        public long value() {
            return value;
        }

        /** The children, sorted by name (flame graphs order alphabetically, not by time). */
        public List<Frame> children() {
            List<Frame> sorted = new ArrayList<>(children.values());
            sorted.sort((a, b) -> a.name.compareTo(b.name));
            return sorted;
        }

        private Frame child(String childName) {
            return children.computeIfAbsent(childName, Frame::new);
        }
    }
}
