package dev.ior.bpf.doctor;

import dev.ior.bpf.check.Mounts;
import dev.ior.bpf.check.PreflightException.Requirement;
import dev.ior.bpf.sys.Libc;
import dev.ior.bpf.sys.SysException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kernel's release, lockdown mode and BPF-related sysctls, as {@link Doctor} reports them. */
final class KernelChecks {

    /**
     * Task storage and BTF task pointers in tracing programs, which ior's programs use,
     * arrived in Linux 5.11 (ring buffers in 5.8, tp_btf in 5.5).
     */
    static final int MIN_MAJOR = 5;
    static final int MIN_MINOR = 11;
    private static final Pattern RELEASE = Pattern.compile("(\\d+)\\.(\\d+).*");
    private static final Pattern LOCKDOWN_MODE = Pattern.compile(".*\\[(\\w+)].*");
    private static final Path PERF_EVENT_PARANOID = Path.of("/proc/sys/kernel/perf_event_paranoid");
    private static final Path UNPRIVILEGED_BPF = Path.of("/proc/sys/kernel/unprivileged_bpf_disabled");

    private KernelChecks() {
    }

    /** The kernel release ({@code uname -r}) against the oldest ior's programs are written for. */
    static CheckResult release(String release) {
        String minimum = MIN_MAJOR + "." + MIN_MINOR;
        Matcher m = RELEASE.matcher(release);
        if (!m.matches()) {
            return CheckResult.warn(Requirement.KERNEL, "cannot read the kernel release '" + release + "'",
                    "see the probes check for whether ior's programs load");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major > MIN_MAJOR || major == MIN_MAJOR && minor >= MIN_MINOR) {
            return CheckResult.ok(Requirement.KERNEL, "Linux " + release);
        }
        return CheckResult.warn(Requirement.KERNEL, "Linux " + release + " is older than " + minimum
                + ", which ior's BPF programs are written for", "upgrade to Linux " + minimum
                + " or later; a distribution kernel with backports may do: see the probes check");
    }

    /**
     * The lockdown LSM's mode: "confidentiality" forbids BPF programs that read kernel
     * memory, as ior's do. Read from securityfs, which is mounted for the read (in a
     * private directory, and unmounted again) where nothing has mounted it.
     */
    static CheckResult lockdown() {
        Optional<Path> mounted = Mounts.find("securityfs");
        if (mounted.isPresent()) {
            return lockdownMode(mounted.get().resolve("lockdown"));
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ior-securityfs");
            Libc.mount("securityfs", dir.toString());
            try {
                return lockdownMode(dir.resolve("lockdown"));
            } finally {
                Libc.unmount(dir.toString());
            }
        } catch (IOException | SysException e) {
            return CheckResult.skipped(Requirement.LOCKDOWN,
                    "cannot tell: securityfs is not mounted and ior could not mount it (" + e.getMessage() + ")");
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // an empty directory left in /tmp
                }
            }
        }
    }

    private static CheckResult lockdownMode(Path file) {
        String text;
        try {
            text = Files.readString(file).strip();
        } catch (IOException e) {
            return CheckResult.ok(Requirement.LOCKDOWN, "no lockdown in this kernel (" + file + " is missing)");
        }
        Matcher m = LOCKDOWN_MODE.matcher(text);
        String mode = m.matches() ? m.group(1) : text;
        if (mode.equals("confidentiality")) {
            return CheckResult.fail(Requirement.LOCKDOWN, "the kernel is locked down for confidentiality, which "
                    + "forbids BPF programs that read kernel memory, as ior's do", "boot with lockdown=integrity "
                    + "(or with Secure Boot's lockdown lifted)");
        }
        return CheckResult.ok(Requirement.LOCKDOWN, mode + " (BPF may read kernel memory)");
    }

    /** kernel.perf_event_paranoid: restricts unprivileged users; ior needs CAP_PERFMON whatever its value. */
    static CheckResult perfEventParanoid(String privilege) {
        return privilegedOnly(Requirement.PERF_EVENT_PARANOID, PERF_EVENT_PARANOID, "CAP_PERFMON", privilege);
    }

    /** kernel.unprivileged_bpf_disabled: restricts unprivileged users; ior needs CAP_BPF whatever its value. */
    static CheckResult unprivilegedBpf(String privilege) {
        return privilegedOnly(Requirement.UNPRIVILEGED_BPF, UNPRIVILEGED_BPF, "CAP_BPF", privilege);
    }

    /**
     * A sysctl that only limits unprivileged users: fine when ior runs privileged
     * ({@code privilege} says how, null when it does not), and not the fix when it doesn't.
     */
    private static CheckResult privilegedOnly(Requirement requirement, Path sysctl, String capability,
                                              String privilege) {
        String value;
        try {
            value = Files.readString(sysctl).strip();
        } catch (IOException e) {
            return CheckResult.skipped(requirement, "not in this kernel (" + sysctl + " is missing)");
        }
        if (privilege != null) {
            return CheckResult.ok(requirement, value + " (limits unprivileged users only; ior runs as " + privilege
                    + ")");
        }
        return CheckResult.warn(requirement, value + ": ior's BPF programs need " + capability
                + " whatever this value is", "run ior with sudo, not a lower sysctl value");
    }
}
