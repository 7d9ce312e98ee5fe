package dev.ior.core.syscall;

/** What a successful call does to its process's fd table or working directory, or to its control flow. */
public enum Effect {
    /** Nothing. */
    NONE("-"),
    /**
     * The return value is a new fd naming the call's path, or, for a call without one,
     * the pipe, socket or anon inode the kernel made (named by the kernel side).
     */
    NEW_FD("new_fd"),
    /** Like {@link #NEW_FD}, always close-on-exec (pidfds, io_uring instances). */
    NEW_FD_CLOEXEC("new_fd_cloexec"),
    /** The return value is a copy of {@code fd}. */
    DUP("dup"),
    /** {@code fd2} becomes a copy of {@code fd}. */
    DUP_TO("dup_to"),
    /** {@code fd} is closed. */
    CLOSE("close"),
    /** A range of fds is closed or marked close-on-exec. */
    CLOSE_RANGE("close_range"),
    /** fcntl: F_DUPFD copies, F_SETFD sets close-on-exec. */
    FCNTL("fcntl"),
    /** The working directory becomes the path. */
    CHDIR("chdir"),
    /** The working directory becomes the fd's file. */
    FCHDIR("fchdir"),
    /** Two new fds (a pipe or a socket pair), read from the dereferenced argument. */
    PIPE("pipe"),
    /**
     * The call does not return to its caller (exit, exit_group, rt_sigreturn): its event
     * is made at entry, without latency, and left out of latency statistics.
     */
    NO_RETURN("no_return"),
    /**
     * restart_syscall: runs again a call that an interruption stopped with
     * ERESTART_RESTARTBLOCK; that call stays one event, its restarts counted.
     */
    RESUME("resume");

    private final String label;

    Effect(String label) {
        this.label = label;
    }

    /** The table's spelling. */
    public String label() {
        return label;
    }

    /** The effect spelled {@code label} in the table. */
    public static Effect of(String label) {
        for (Effect effect : values()) {
            if (effect.label.equals(label)) {
                return effect;
            }
        }
        throw new IllegalArgumentException("unknown effect '" + label + "'");
    }
}
