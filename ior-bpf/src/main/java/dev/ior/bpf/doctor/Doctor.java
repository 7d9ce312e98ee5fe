package dev.ior.bpf.doctor;

import dev.ior.bpf.check.LibbpfLibrary;
import dev.ior.bpf.check.Preflight;
import dev.ior.bpf.check.PreflightException;
import dev.ior.bpf.check.PreflightException.Requirement;
import dev.ior.bpf.check.Tracefs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks everything live tracing needs from this host, in the order a user should fix
 * them, without stopping at the first failure: the same checks a trace makes before it
 * starts ({@link Preflight}, {@link Tracefs}), the kernel settings that matter, and the
 * proof: ior's programs loaded and attached for a moment. Behind {@code ior doctor}.
 */
public final class Doctor {

    private Doctor() {
    }

    /** Runs every check; a check whose prerequisites failed is skipped, naming them. */
    public static List<CheckResult> run() {
        CheckResult privileges = attempt(Requirement.PRIVILEGES, Preflight::checkPrivileges);
        String privilege = privileges.status() == CheckResult.Status.OK ? privileges.finding() : null;
        CheckResult kernel = KernelChecks.release(System.getProperty("os.version"));
        CheckResult btf = attempt(Requirement.BTF, () -> {
            Preflight.checkBtf(Preflight.VMLINUX_BTF);
            return Preflight.VMLINUX_BTF.toString();
        });
        CheckResult tracefs = tracefs();
        CheckResult libbpf = libbpf();
        CheckResult lockdown = KernelChecks.lockdown();
        CheckResult paranoid = KernelChecks.perfEventParanoid(privilege);
        CheckResult unprivilegedBpf = KernelChecks.unprivilegedBpf(privilege);
        CheckResult ringBuffer = after(Requirement.RING_BUFFER, List.of(privileges, libbpf), BpfChecks::ringBuffer);
        CheckResult probes = after(Requirement.PROBES,
                List.of(privileges, btf, tracefs, libbpf, lockdown, ringBuffer), BpfChecks::probes);
        CheckResult fdIdentity = after(Requirement.FD_IDENTITY, List.of(btf), BpfChecks::fdIdentity);
        return List.of(privileges, kernel, btf, tracefs, libbpf, lockdown, paranoid, unprivilegedBpf, ringBuffer,
                probes, fdIdentity);
    }

    /** libbpf's version and the file it was loaded from, e.g. {@code 1.1 (/usr/lib/.../libbpf.so.1.1.2)}. */
    public static CheckResult libbpf() {
        return attempt(Requirement.LIBBPF, () -> {
            String version = Preflight.checkLibbpf();
            return LibbpfLibrary.file().map(file -> version + " (" + file + ")").orElse(version);
        });
    }

    private static CheckResult tracefs() {
        Path before = Tracefs.findMount();
        if (before != null) {
            return CheckResult.ok(Requirement.TRACEFS, "mounted at " + before);
        }
        return attempt(Requirement.TRACEFS, () -> "was not mounted; ior mounted it at "
                + Tracefs.mountIfNeeded().root() + ", as every trace would");
    }

    /** Runs a check that throws its failure and returns what it found. */
    private static CheckResult attempt(Requirement requirement, Supplier<String> check) {
        try {
            return CheckResult.ok(requirement, check.get());
        } catch (PreflightException e) {
            return CheckResult.fail(e);
        }
    }

    /** Runs {@code check} unless one of {@code prerequisites} failed. */
    private static CheckResult after(Requirement requirement, List<CheckResult> prerequisites,
                                     Supplier<CheckResult> check) {
        List<String> failed = new ArrayList<>();
        for (CheckResult prerequisite : prerequisites) {
            if (prerequisite.failed()) {
                failed.add(prerequisite.requirement().label());
            }
        }
        return failed.isEmpty() ? check.get()
                : CheckResult.skipped(requirement, "needs " + String.join(" and ", failed));
    }
}
