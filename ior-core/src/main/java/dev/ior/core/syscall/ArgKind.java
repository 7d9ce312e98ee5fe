package dev.ior.core.syscall;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a syscall's arguments refer to, grouped from their {@link ArgRole}s so a user can
 * select syscalls across families: every call that acts on an open fd, every call that
 * names a file by path.
 */
public enum ArgKind {
    /** An argument is an open file descriptor (role {@code fd} or {@code fd2}). */
    FD,
    /** An argument names a file by path (role {@code path}, {@code path2} or {@code target}). */
    PATH,
    /** No argument is an fd or a path. */
    NONE;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The spelling on the command line: lower case. */
    public String label() {
        return label;
    }

    /** The kinds of a syscall whose arguments have {@code roles}: never empty. */
    static Set<ArgKind> of(Iterable<ArgRole> roles) {
        Set<ArgKind> kinds = EnumSet.noneOf(ArgKind.class);
        for (ArgRole role : roles) {
            switch (role) {
                case FD, FD2 -> kinds.add(FD);
                case PATH, PATH2, TARGET -> kinds.add(PATH);
                default -> { }
            }
        }
        return kinds.isEmpty() ? EnumSet.of(NONE) : kinds;
    }

    /** The kind spelled {@code name}, in any case. */
    public static Optional<ArgKind> byLabel(String name) {
        return Arrays.stream(values()).filter(k -> k.label.equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
