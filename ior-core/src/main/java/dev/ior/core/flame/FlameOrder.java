package dev.ior.core.flame;

import dev.ior.core.IorException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which dimensions a flamegraph stacks, root first: {@code comm/syscall/path} puts
 * processes at the bottom, their syscalls above, the files on top.
 *
 * @param dimensions distinct dimensions, root first, at least one
 */
public record FlameOrder(List<FlameDimension> dimensions) {

    /** Processes, then syscalls, then files: the default. */
    public static final FlameOrder DEFAULT = of(FlameDimension.COMM, FlameDimension.SYSCALL, FlameDimension.PATH);

    /** The five orderings of the original, in the order {@link #next()} cycles through them. */
    public static final List<FlameOrder> PRESETS = List.of(
            DEFAULT,
            of(FlameDimension.PATH, FlameDimension.SYSCALL, FlameDimension.COMM),
            of(FlameDimension.SYSCALL, FlameDimension.COMM, FlameDimension.PATH),
            of(FlameDimension.PID, FlameDimension.SYSCALL, FlameDimension.PATH),
            of(FlameDimension.COMM, FlameDimension.PATH, FlameDimension.SYSCALL));

    public FlameOrder {
        dimensions = List.copyOf(dimensions);
        if (dimensions.isEmpty()) {
            throw new IorException("a flamegraph needs at least one field", IorException.USAGE_ERROR, null);
        }
        Set<FlameDimension> seen = EnumSet.noneOf(FlameDimension.class);
        for (FlameDimension d : dimensions) {
            if (!seen.add(d)) {
                throw new IorException("flamegraph field " + d.label() + " is named twice", IorException.USAGE_ERROR,
                        null);
            }
        }
    }

    /** The order of these dimensions, root first. */
    public static FlameOrder of(FlameDimension... dimensions) {
        return new FlameOrder(List.of(dimensions));
    }

    /**
     * Reads a comma-separated list such as {@code comm,tracepoint,path}.
     *
     * @throws IorException (usage) for unknown, repeated or missing names
     */
    public static FlameOrder parse(String fields) {
        List<FlameDimension> dimensions = new ArrayList<>();
        for (String name : fields.split(",", -1)) {
            dimensions.add(FlameDimension.of(name));
        }
        return new FlameOrder(dimensions);
    }

    /** The preset after this one (after a custom order: the first preset). */
    public FlameOrder next() {
        int at = PRESETS.indexOf(this);
        return PRESETS.get((at + 1) % PRESETS.size());
    }

    /** The toolbar's spelling: {@code comm/syscall/path}. */
    public String label() {
        return dimensions.stream().map(FlameDimension::label).collect(Collectors.joining("/"));
    }

    @Override
    public String toString() {
        return label();
    }
}
