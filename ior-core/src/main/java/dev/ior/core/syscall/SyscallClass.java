package dev.ior.core.syscall;

/** What kind of I/O a syscall does; decides how its bytes count. */
public enum SyscallClass {
    /** Opens or creates a file and returns an fd. */
    OPEN,
    /** Reads from an fd: bytes are the return value. */
    READ,
    /** Writes to an fd: bytes are the return value. */
    WRITE,
    /** Moves bytes from one fd to another: read from {@code fd}, written to {@code fd2}. */
    TRANSFER,
    /** Reads a file's attributes. */
    STAT,
    /** Changes a file's attributes, size or allocation. */
    METADATA,
    /** Creates, renames or removes a name in the file system. */
    NAME,
    /** Flushes data to storage. */
    SYNC,
    /** Advises or queries the page cache: fadvise64, readahead, cachestat. */
    CACHE,
    /** Maps files into memory. */
    MMAP,
    /** Manages fds: close, dup, fcntl, ioctl, seek. */
    FD,
    /** Lists or changes directories. */
    DIRECTORY,
    /** Extended attributes. */
    XATTR,
    /** Asynchronous I/O: io_uring and aio. */
    ASYNC,
    /** File-change notification. */
    NOTIFY,
    /** Moves no file data the byte columns count: process, memory, time, signal calls and the like. */
    NONE,
    /** Not known to this version of ior (a recording from a newer one). */
    OTHER;

    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    /** The table's spelling: lower case. */
    public String label() {
        return label;
    }

    /** Whether the return value of a successful call is a byte count read. */
    public boolean readsBytes() {
        return this == READ || this == TRANSFER;
    }

    /** Whether the return value of a successful call is a byte count written. */
    public boolean writesBytes() {
        return this == WRITE || this == TRANSFER;
    }
}
