package dev.ior.bpf.check;

import dev.ior.core.IorException;

/**
 * Something ior needs from the host is missing. The message is the problem and its
 * fix, {@code "problem: fix"}; {@code ior doctor} shows the two apart.
 */
public final class PreflightException extends IorException {

    /** What ior needs from the host, in the order a user should fix them; {@code ior doctor} checks each. */
    public enum Requirement {
        /** root, or CAP_BPF with CAP_PERFMON. */
        PRIVILEGES("privileges"),
        /** a kernel new enough for ior's BPF programs. */
        KERNEL("kernel"),
        /** the kernel's BTF at /sys/kernel/btf/vmlinux. */
        BTF("btf"),
        /** tracefs, mounted or mountable. */
        TRACEFS("tracefs"),
        /** libbpf 1.0 or later. */
        LIBBPF("libbpf"),
        /** a kernel lockdown mode that lets BPF read kernel memory. */
        LOCKDOWN("lockdown"),
        /** kernel.perf_event_paranoid, which restricts unprivileged users only. */
        PERF_EVENT_PARANOID("perf_event_paranoid"),
        /** kernel.unprivileged_bpf_disabled, which restricts unprivileged users only. */
        UNPRIVILEGED_BPF("unprivileged_bpf"),
        /** BPF ring-buffer maps (Linux 5.8+). */
        RING_BUFFER("ring_buffer"),
        /** ior's BPF programs load and attach. */
        PROBES("probes"),
        /** fds identified by inode (the bpf_rdonly_cast kfunc), or degraded to ior's own tables. */
        FD_IDENTITY("fd_identity");

        private final String label;

        Requirement(String label) {
            this.label = label;
        }

        /** The name {@code ior doctor} shows. */
        public String label() {
            return label;
        }
    }

    private final Requirement requirement;
    private final String problem;
    private final String fix;

    PreflightException(Requirement requirement, String problem, String fix) {
        super(problem + ": " + fix);
        this.requirement = requirement;
        this.problem = problem;
        this.fix = fix;
    }

    /** The requirement that is not met. */
    public Requirement requirement() {
        return requirement;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }

    /** What to do about it. */
    public String fix() {
        return fix;
    }
}
