package dev.ior.core.filter;

import java.util.Locale;
import java.util.Optional;

/**
 * What a filter frame tests. Key fields (comm, pid, tid, syscall, file, and family,
 * which follows from the syscall) are the dimensions ior keys its aggregates by, so a frame on them filters everything counted
 * so far; value fields (latency, gap, bytes, ret, fd) differ per event and a frame on
 * them applies to events from the moment it is pushed.
 */
public enum FilterField {
    /** The command name. */
    COMM("comm", Type.TEXT),
    /** The process id. */
    PID("pid", Type.INTEGER),
    /** The thread id. */
    TID("tid", Type.INTEGER),
    /** The syscall's name. */
    SYSCALL("syscall", Type.TEXT),
    /** The file (also spelled {@code path}). */
    FILE("file", Type.TEXT),
    /** The syscall's family ({@code FS}, {@code Network}, ...): scopes everything to one family. */
    FAMILY("family", Type.TEXT),
    /** Time in the kernel, with a unit: ns, us, ms, s (none = ns). */
    LATENCY("latency", Type.DURATION),
    /** Time since the thread's previous call returned, with a unit like latency. */
    GAP("gap", Type.DURATION),
    /** Bytes transferred. */
    BYTES("bytes", Type.INTEGER),
    /** The raw return value (negative errno on failure). */
    RET("ret", Type.INTEGER),
    /** The fd the call used. */
    FD("fd", Type.INTEGER);

    /** What kind of value a field holds, which decides the operators it takes. */
    public enum Type {
        /** Compared with {@code ~ =~ = !=}. */
        TEXT,
        /** A whole number, compared with {@code = != > < >= <=}. */
        INTEGER,
        /** A time with a unit suffix, compared like an integer (in nanoseconds). */
        DURATION
    }

    private final String label;
    private final Type type;

    FilterField(String label, Type type) {
        this.label = label;
        this.type = type;
    }

    /** The name written in filter text. */
    public String label() {
        return label;
    }

    /** What kind of value the field holds. */
    public Type type() {
        return type;
    }

    /** Whether ior keys its aggregates by this field (so a frame filters the past too). */
    public boolean isKey() {
        return ordinal() <= FAMILY.ordinal();
    }

    /** The field spelled {@code name} in filter text ({@code path} is {@link #FILE}). */
    public static Optional<FilterField> byLabel(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("path")) {
            return Optional.of(FILE);
        }
        for (FilterField field : values()) {
            if (field.label.equals(lower)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
