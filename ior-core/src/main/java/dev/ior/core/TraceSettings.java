package dev.ior.core;

import java.util.Objects;
import java.util.Set;

/**
 * What a session traces and how: the kernel-side filter, the probe set, the size of
 * the kernel ring, the sampling and whether the session narrows itself when it loses
 * events.
 *
 * @param filter    the kernel-side filters
 * @param syscalls  patterns selecting the syscalls to trace ({@code openat}, {@code open*},
 *                  {@code io_uring:*}, {@code family:Network}, {@code kind:path},
 *                  {@code default}, any after {@code !} to exclude); empty = the default
 *                  set (the FS family, mmap, io_uring, aio and the calls that make fds)
 *                  for a live session, every recorded event for a replay
 *                  ({@link dev.ior.core.syscall.SyscallTable#select})
 * @param ringBytes size of the kernel ring buffer, a power of two of at least one page
 * @param sampling  how many traced calls become events, per family or syscall
 * @param adaptive  whether and when the session counts its hottest syscalls in the
 *                  kernel only while it keeps losing events
 */
public record TraceSettings(KernelFilter filter, Set<String> syscalls, long ringBytes, Sampling sampling,
                            Adaptive adaptive) {

    /** The default ring: 16 MiB, enough for a second at a million events per second. */
    public static final long DEFAULT_RING_BYTES = 16L << 20;

    /** Everything, with the default ring. */
    public static final TraceSettings DEFAULT =
            new TraceSettings(KernelFilter.NONE, Set.of(), DEFAULT_RING_BYTES, Sampling.EVERY_CALL, Adaptive.OFF);

    public TraceSettings {
        syscalls = Set.copyOf(syscalls);
        Objects.requireNonNull(sampling);
        Objects.requireNonNull(adaptive);
        if (ringBytes < 4096 || Long.bitCount(ringBytes) != 1) {
            throw new IorException("the ring size must be a power of two of at least 4096 bytes, not "
                    + ringBytes, IorException.USAGE_ERROR, null);
        }
    }

    /** Settings that emit every traced call. */
    public TraceSettings(KernelFilter filter, Set<String> syscalls, long ringBytes) {
        this(filter, syscalls, ringBytes, Sampling.EVERY_CALL);
    }

    /** Settings that never narrow themselves. */
    public TraceSettings(KernelFilter filter, Set<String> syscalls, long ringBytes, Sampling sampling) {
        this(filter, syscalls, ringBytes, sampling, Adaptive.OFF);
    }

    /** These settings with another filter. */
    public TraceSettings withFilter(KernelFilter newFilter) {
        return new TraceSettings(newFilter, syscalls, ringBytes, sampling, adaptive);
    }

    /** These settings with another probe set. */
    public TraceSettings withSyscalls(Set<String> newSyscalls) {
        return new TraceSettings(filter, newSyscalls, ringBytes, sampling, adaptive);
    }

    /** These settings with another ring size. */
    public TraceSettings withRingBytes(long newRingBytes) {
        return new TraceSettings(filter, syscalls, newRingBytes, sampling, adaptive);
    }

    /** These settings with another sampling. */
    public TraceSettings withSampling(Sampling newSampling) {
        return new TraceSettings(filter, syscalls, ringBytes, newSampling, adaptive);
    }

    /** These settings with another adaptive narrowing. */
    public TraceSettings withAdaptive(Adaptive newAdaptive) {
        return new TraceSettings(filter, syscalls, ringBytes, sampling, newAdaptive);
    }
}
