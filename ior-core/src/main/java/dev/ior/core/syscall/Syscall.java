package dev.ior.core.syscall;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One row of the syscall table: a syscall, its number on this machine's architecture,
 * its family, what it does, the role of each argument and whether ior traces it by
 * default. Immutable.
 *
 * <p>An operation submitted through an io_uring is a row too, named
 * {@code io_uring:<op>} (e.g. {@code io_uring:read}); its {@link #nr()} is the
 * IORING_OP_ number, so such events group like syscalls everywhere.
 */
public final class Syscall {

    /** The name prefix of io_uring operations. */
    public static final String URING_PREFIX = "io_uring:";

    private final int id;
    private final String name;
    private final int nr;
    private final SyscallFamily family;
    private final SyscallClass kind;
    private final List<ArgRole> args;
    private final Set<ArgKind> argKinds;
    private final Effect effect;
    private final boolean tracedByDefault;
    private final boolean uringOperation;
    /** Position of each role's argument, by role ordinal; -1 = none. Read per event. */
    private final int[] argIndex = new int[ArgRole.values().length];

    /**
     * @param id     ior's dense index of the syscall in the table (0..size-1)
     * @param name   the kernel's name, e.g. {@code openat}
     * @param nr     the kernel's syscall number on this architecture; for an io_uring
     *               operation its IORING_OP_ number
     * @param family the family it belongs to
     * @param kind   what kind of I/O it does
     * @param args   the role of each argument, in order
     * @param effect what a successful call does to the fd table or cwd
     * @param tracedByDefault whether a session that selects no syscalls traces it
     */
    public Syscall(int id, String name, int nr, SyscallFamily family, SyscallClass kind, List<ArgRole> args,
                   Effect effect, boolean tracedByDefault) {
        this.id = id;
        this.name = name;
        this.nr = nr;
        this.family = family;
        this.kind = kind;
        this.args = List.copyOf(args);
        this.argKinds = Set.copyOf(ArgKind.of(this.args));
        this.effect = effect;
        this.tracedByDefault = tracedByDefault;
        this.uringOperation = name.startsWith(URING_PREFIX);
        Arrays.fill(argIndex, -1);
        for (int i = this.args.size() - 1; i >= 0; i--) {
            argIndex[this.args.get(i).ordinal()] = i;
        }
    }

    /** ior's dense index of the syscall in the table. */
    public int id() {
        return id;
    }

    /** The kernel's name. */
    public String name() {
        return name;
    }

    /** The kernel's number on this architecture; the IORING_OP_ of an io_uring operation. */
    public int nr() {
        return nr;
    }

    /** Whether this is an operation submitted through an io_uring, not a syscall. */
    public boolean isUringOperation() {
        return uringOperation;
    }

    /** The family it belongs to. */
    public SyscallFamily family() {
        return family;
    }

    /** What kind of I/O it does. */
    public SyscallClass kind() {
        return kind;
    }

    /** What its arguments refer to: an fd, a path, both, or neither ({@link ArgKind#NONE}). */
    public Set<ArgKind> argKinds() {
        return argKinds;
    }

    /** Whether a session that selects no syscalls traces it (syscalls-ignored.tsv says why not). */
    public boolean tracedByDefault() {
        return tracedByDefault;
    }

    /** The role of each argument, in order. */
    public List<ArgRole> args() {
        return args;
    }

    /** What a successful call does to the fd table or cwd. */
    public Effect effect() {
        return effect;
    }

    /** Whether the call returns to its caller; one that does not has no latency ({@link Effect#NO_RETURN}). */
    public boolean returns() {
        return effect != Effect.NO_RETURN;
    }

    /** Whether a successful call changes the process's fd table or working directory. */
    public boolean changesFds() {
        return effect != Effect.NONE && effect != Effect.NO_RETURN && effect != Effect.RESUME;
    }

    /** The 0-based position of the first argument with {@code role}, or -1 if none. */
    public int arg(ArgRole role) {
        return argIndex[role.ordinal()];
    }

    /** Whether one of the arguments has {@code role}. */
    public boolean has(ArgRole role) {
        return argIndex[role.ordinal()] >= 0;
    }

    @Override
    public String toString() {
        return name;
    }
}
