package dev.ior.core.syscall;

/** The role of one syscall argument, as the syscall table names it. */
public enum ArgRole {
    /** The fd the call acts on. */
    FD("fd"),
    /** A second fd: the output side of a transfer, the target of dup2. */
    FD2("fd2"),
    /** Base directory fd for {@link #PATH}; AT_FDCWD means the cwd. */
    DIRFD("dirfd"),
    /** A user path string. */
    PATH("path"),
    /** Base directory fd for {@link #PATH2}. */
    DIRFD2("dirfd2"),
    /** A second path string: the destination of rename or link. */
    PATH2("path2"),
    /** The requested byte count. */
    COUNT("count"),
    /** Flags where O_CLOEXEC (02000000) means close-on-exec: open flags, SOCK_CLOEXEC, ...; mmap's MAP_ flags. */
    FLAGS("flags"),
    /** Flags where bit 0 means close-on-exec (MFD_CLOEXEC, FAN_CLOEXEC). */
    CLOEXEC1("cloexec1"),
    /** A symlink's target: a string stored as given, never resolved against a directory. */
    TARGET("target"),
    /** A pointer to a u64 the kernel side copies into the argument (openat2's how.flags, pipe2's fds). */
    DEREF("deref"),
    /** Anything ior does not interpret. */
    OTHER("-");

    private final String label;

    ArgRole(String label) {
        this.label = label;
    }

    /** The table's spelling. */
    public String label() {
        return label;
    }

    /** The role spelled {@code label} in the table. */
    public static ArgRole of(String label) {
        for (ArgRole role : values()) {
            if (role.label.equals(label)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown argument role '" + label + "'");
    }
}
