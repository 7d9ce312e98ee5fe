package dev.ior.core.flame;

import dev.ior.core.IorException;
import java.util.Locale;

/** A dimension a flamegraph stacks events by. */
public enum FlameDimension {
    /** The command name. */
    COMM("comm"),
    /** The process id. */
    PID("pid"),
    /** The thread id. */
    TID("tid"),
    /** The syscall (the original calls it tracepoint). */
    SYSCALL("syscall"),
    /** The file; one frame, or one per directory. */
    PATH("path");

    private final String label;

    FlameDimension(String label) {
        this.label = label;
    }

    /** The name in orderings and options. */
    public String label() {
        return label;
    }

    /**
     * The dimension named {@code name}: comm, pid, tid, syscall (or tracepoint), path
     * (or file).
     *
     * @throws IorException (usage) naming the accepted names
     */
    public static FlameDimension of(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "comm" -> COMM;
            case "pid" -> PID;
            case "tid" -> TID;
            case "syscall", "tracepoint" -> SYSCALL;
            case "path", "file" -> PATH;
            default -> throw new IorException("unknown flamegraph field \"" + name.strip()
                    + "\" (use comm, pid, tid, syscall or path)", IorException.USAGE_ERROR, null);
        };
    }
}
