package dev.ior.bpf.check;

import dev.ior.core.IorException;

/** Something ior needs from the host is missing; the message says what and how to fix it. */
public final class PreflightException extends IorException {

    /** Which requirement failed. */
    public enum Requirement {
        /** root, or CAP_BPF with CAP_PERFMON. */
        PRIVILEGES,
        /** the kernel's BTF at /sys/kernel/btf/vmlinux. */
        BTF,
        /** libbpf 1.0 or later. */
        LIBBPF,
        /** tracefs, mounted or mountable. */
        TRACEFS
    }

    private final Requirement requirement;

    PreflightException(Requirement requirement, String message) {
        super(message);
        this.requirement = requirement;
    }

    /** The requirement that is not met. */
    public Requirement requirement() {
        return requirement;
    }
}
