package dev.ior.core;

import dev.ior.core.syscall.SyscallFamily;

/**
 * How much of one syscall family a session traces: what a probe picker shows beside
 * each family.
 *
 * @param family    the family
 * @param traced    its syscalls (and io_uring operations) traced now
 * @param available its syscalls the source can trace (a live kernel: those it has)
 */
public record FamilyProbes(SyscallFamily family, int traced, int available) {
}
