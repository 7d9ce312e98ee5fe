package dev.ior.core.syscall;

import java.util.Arrays;
import java.util.Optional;

/**
 * The original ior's twelve families of syscalls. Each syscall of the table belongs
 * to exactly one; the FS family is traced by default, every family can be traced on
 * request.
 */
public enum SyscallFamily {
    /** Files and file systems: opens, reads, writes, metadata, names, mounts. */
    FS("FS"),
    /** Sockets. */
    NETWORK("Network"),
    /** Mappings, protections, NUMA policy, memory fds. */
    MEMORY("Memory"),
    /** Sending, handling and waiting for signals. */
    SIGNALS("Signals"),
    /** Scheduling, priorities, CPU placement. */
    SCHED("Sched"),
    /** Pipes, eventfds, System V and POSIX queues, semaphores, shared memory, futexes. */
    IPC("IPC"),
    /** Clocks, sleeps, timers. */
    TIME("Time"),
    /** Process lifecycle, identity, limits, namespaces. */
    PROCESS("Process"),
    /** Credentials, capabilities, seccomp, Landlock, LSMs, keyrings. */
    SECURITY("Security"),
    /** Readiness waits: poll, select, epoll. */
    POLLING("Polling"),
    /** Asynchronous I/O: io_uring (and its operations) and aio. */
    AIO("AIO"),
    /** Everything else: machine administration, tracing, kernel modules. */
    MISC("Misc");

    private final String label;

    SyscallFamily(String label) {
        this.label = label;
    }

    /** The original's spelling: {@code FS}, {@code Network}, ... (the Parquet {@code family} column). */
    public String label() {
        return label;
    }

    /** The family spelled {@code name}, in any case ({@code network}, {@code NETWORK}, {@code Network}). */
    public static Optional<SyscallFamily> byLabel(String name) {
        return Arrays.stream(values()).filter(f -> f.label.equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
