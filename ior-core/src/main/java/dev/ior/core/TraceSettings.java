package dev.ior.core;

import java.util.Set;

/**
 * What a session traces and how: the kernel-side filter, the probe set and the
 * size of the kernel ring.
 *
 * @param filter    the kernel-side filters
 * @param syscalls  patterns selecting the syscalls to trace ({@code openat}, {@code open*},
 *                  {@code io_uring:*}, {@code !openat2} to exclude); empty = every syscall
 *                  and io_uring operation in ior's table
 *                  ({@link dev.ior.core.syscall.SyscallTable#select})
 * @param ringBytes size of the kernel ring buffer, a power of two of at least one page
 */
public record TraceSettings(KernelFilter filter, Set<String> syscalls, long ringBytes) {

    /** The default ring: 16 MiB, enough for a second at a million events per second. */
    public static final long DEFAULT_RING_BYTES = 16L << 20;

    /** Everything, with the default ring. */
    public static final TraceSettings DEFAULT =
            new TraceSettings(KernelFilter.NONE, Set.of(), DEFAULT_RING_BYTES);

    public TraceSettings {
        syscalls = Set.copyOf(syscalls);
        if (ringBytes < 4096 || Long.bitCount(ringBytes) != 1) {
            throw new IorException("the ring size must be a power of two of at least 4096 bytes, not "
                    + ringBytes, IorException.USAGE_ERROR, null);
        }
    }

    /** These settings with another filter. */
    public TraceSettings withFilter(KernelFilter newFilter) {
        return new TraceSettings(newFilter, syscalls, ringBytes);
    }

    /** These settings with another probe set. */
    public TraceSettings withSyscalls(Set<String> newSyscalls) {
        return new TraceSettings(filter, newSyscalls, ringBytes);
    }

    /** These settings with another ring size. */
    public TraceSettings withRingBytes(long newRingBytes) {
        return new TraceSettings(filter, syscalls, newRingBytes);
    }
}
