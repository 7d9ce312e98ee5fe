package dev.ior.core;

import dev.ior.core.syscall.Syscall;

/**
 * One completed syscall as ior saw it.
 *
 * <p><b>Reuse.</b> The instance handed to a listener is a view that ior refills for
 * the next event: it is valid only inside the callback. Keep an event beyond it with
 * {@link #copy()}, which returns an immutable {@link EventRecord}.
 *
 * <p>Field names follow the original ior's event schema (and so ior's CSV, NDJSON and
 * Parquet columns).
 */
public interface IorEvent {

    /** Position of the event in this session, from 1. */
    long seq();

    /** When the call entered the kernel: CLOCK_BOOTTIME nanoseconds (the original's time_ns). */
    long timeNs();

    /** When the call entered the kernel: nanoseconds since the Unix epoch (UTC). */
    long wallTimeNs();

    /**
     * Time since the same thread's previous event returned (its previous call that became
     * an event: with sampling, the calls sampled out in between do not count); 0 when there
     * was none.
     */
    long gapNs();

    /**
     * Time spent in the kernel, from the first entry to the last exit of a call that was
     * interrupted and run again ({@link #restarts()}); 0 for a call that never returns
     * (exit, exit_group, rt_sigreturn), which latency statistics leave out.
     */
    long latencyNs();

    /** The thread's command name at the time of the call (changes on exec). */
    String comm();

    /** Process id (thread group id). */
    int pid();

    /** Thread id. */
    int tid();

    /** The syscall. */
    Syscall syscall();

    /**
     * The fd the call acted on, or the new fd it returned (opens, socket, accept, ...);
     * for a transfer the fd written to; -1 when none (also for an anonymous mmap). For
     * an io_uring operation on a registered file it is the ring's file index.
     */
    int fd();

    /** The raw return value: negative errno on failure. */
    long ret();

    /**
     * Bytes actually moved: the return value of a successful read, write or transfer
     * (class {@code read}, {@code write}, {@code transfer}); 0 for calls that move no data
     * and for failed calls.
     */
    long bytes();

    /**
     * The file, absolute where knowable: for rename, link and symlink the new name, for a
     * transfer the file written to; pipes, sockets and anon inodes read as /proc shows
     * them ({@code pipe:[123]}); "" if none or unknown.
     */
    String file();

    /**
     * Where the call came from: the old name of a rename or link, the target of a
     * symlink (as given), the file a transfer read from; "" otherwise.
     */
    String oldFile();

    /** The fd {@link #oldFile()} was read through: a transfer's input fd; -1 otherwise. */
    int oldFd();

    /** Whether {@link #file()} was longer than ior's copy limit and is cut short. */
    boolean fileTruncated();

    /** The error number of a failed call, 0 on success. */
    int errno();

    /**
     * Times the call was interrupted by a signal with a restart code and run again by the
     * kernel: all of it is this one event. Restart codes are not errors.
     */
    int restarts();

    /** The symbolic error name ({@code ENOENT}), or null on success. */
    default String errnoName() {
        return errno() == 0 ? null : Errno.name(errno());
    }

    /** Whether the call failed. */
    default boolean isError() {
        return errno() != 0;
    }

    /** Bytes read: from {@link #file()}, or for a transfer from {@link #oldFile()}. */
    default long bytesRead() {
        return syscall().kind().readsBytes() ? bytes() : 0;
    }

    /** Bytes written to {@link #file()}. */
    default long bytesWritten() {
        return syscall().kind().writesBytes() ? bytes() : 0;
    }

    /** An immutable copy that stays valid after the callback returns. */
    EventRecord copy();
}
