package dev.ior.bpf.doctor;

import dev.ior.bpf.check.PreflightException.Requirement;
import dev.ior.bpf.ffi.Libbpf;
import dev.ior.bpf.libbpf.LibbpfLog;
import dev.ior.bpf.live.FdIdentity;
import dev.ior.bpf.live.LiveSource;
import dev.ior.bpf.sys.Libc;
import dev.ior.core.IorException;
import dev.ior.core.KernelFilter;
import dev.ior.core.TraceSettings;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallTable;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Set;

/** What only the kernel can answer: does it make ior's ring buffer, load and attach ior's programs. */
final class BpfChecks {

    private static final String VERBOSE_FIX = "run ior doctor --verbose to see libbpf's log of the failure";
    /** Filters every thread out in the kernel (pid_max is at most 2^22): the check costs the host nothing. */
    private static final KernelFilter NO_THREAD = KernelFilter.NONE.withTid(Integer.MAX_VALUE);
    private static final long SMALL_RING = 64 << 10;

    private BpfChecks() {
    }

    /** Whether the kernel creates BPF ring-buffer maps (libbpf's feature probe). */
    static CheckResult ringBuffer() {
        LibbpfLog.install();
        int rc = Libbpf.libbpf_probe_bpf_map_type(Libbpf.BPF_MAP_TYPE_RINGBUF(), MemorySegment.NULL);
        if (rc == 1) {
            return CheckResult.ok(Requirement.RING_BUFFER, "the kernel makes BPF ring-buffer maps");
        }
        if (rc == 0) {
            return CheckResult.fail(Requirement.RING_BUFFER, "this kernel has no BPF ring buffer "
                    + "(BPF_MAP_TYPE_RINGBUF, Linux 5.8+)", "upgrade to Linux " + KernelChecks.MIN_MAJOR + "."
                    + KernelChecks.MIN_MINOR + " or later");
        }
        return CheckResult.fail(Requirement.RING_BUFFER, "probing for BPF ring buffers failed: "
                + Libc.strerror(-rc), VERBOSE_FIX);
    }

    /** How ior identifies fds here: by inode, or degraded (a warning, not a failure). */
    static CheckResult fdIdentity() {
        String how = FdIdentity.describe();
        return FdIdentity.kernelAllows() ? CheckResult.ok(Requirement.FD_IDENTITY, how)
                : CheckResult.warn(Requirement.FD_IDENTITY, how, "upgrade to Linux 6.2 or later for fd identity "
                        + "checks; tracing works without them");
    }

    /**
     * Loads ior's BPF object and attaches its programs exactly as a trace does, then
     * detaches: the proof that ior can trace here. Reports which syscalls of ior's table
     * this kernel lacks.
     */
    static CheckResult probes() {
        LiveSource source = new LiveSource();
        try {
            source.open(new TraceSettings(NO_THREAD, Set.of(), SMALL_RING));
            List<Syscall> table = SyscallTable.builtIn().all();
            List<Syscall> available = source.available();
            List<String> missing = table.stream().filter(s -> !available.contains(s)).map(Syscall::name).toList();
            return CheckResult.ok(Requirement.PROBES, source.programs().size() + " programs attached ("
                    + String.join(", ", source.programs()) + "); " + available.size() + " of the "
                    + table.size() + " syscalls in ior's table are in this kernel"
                    + (missing.isEmpty() ? "" : " (not: " + String.join(", ", missing) + ")"));
        } catch (IorException e) {
            return CheckResult.fail(Requirement.PROBES, e.getMessage(), VERBOSE_FIX);
        } finally {
            source.close();
        }
    }
}
