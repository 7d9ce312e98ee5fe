package dev.ior.core;

import dev.ior.core.syscall.Syscall;

/**
 * The totals of one sampled syscall, counted in the kernel: exact however few of its
 * calls became events.
 *
 * @param syscall the syscall
 * @param rate    its sampling rate: N = about one call in N, 0 = none
 * @param calls   its calls by the traced processes
 * @param traced  of those, the ones that became events
 */
public record SyscallSampling(Syscall syscall, int rate, long calls, long traced) {

    /** The calls that were only counted. */
    public long countedOnly() {
        return calls - traced;
    }
}
