package dev.ior.bpf.check;

import dev.ior.bpf.check.PreflightException.Requirement;
import dev.ior.bpf.sys.Libc;
import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, in the order a user should fix them, what live tracing needs: privileges,
 * the kernel's BTF, libbpf 1.0+. Each failure is one {@link PreflightException}
 * that says what to do. Runs before any libbpf binding is touched, so a missing
 * library is reported instead of crashing class initialisation. {@link Doctor}
 * runs the same checks, and more, without stopping at the first failure.
 */
public final class Preflight {

    /** The kernel's own BTF, which CO-RE relocates against. */
    public static final Path VMLINUX_BTF = Path.of("/sys/kernel/btf/vmlinux");

    private static final int CAP_SYS_ADMIN = 21;
    private static final int CAP_PERFMON = 38;
    private static final int CAP_BPF = 39;

    private Preflight() {
    }

    /** Runs every check; throws the first failure. */
    public static void check() {
        checkPrivileges();
        checkBtf(VMLINUX_BTF);
        checkLibbpf();
    }

    /** root, or CAP_BPF and CAP_PERFMON in the effective set; says which. */
    public static String checkPrivileges() {
        int euid = Libc.geteuid();
        if (euid == 0) {
            return "root";
        }
        long caps = effectiveCapabilities();
        boolean admin = (caps & (1L << CAP_SYS_ADMIN)) != 0;
        boolean bpf = admin || (caps & (1L << CAP_BPF)) != 0;
        boolean perfmon = admin || (caps & (1L << CAP_PERFMON)) != 0;
        if (!bpf || !perfmon) {
            throw new PreflightException(Requirement.PRIVILEGES,
                    "ior needs root (or the CAP_BPF and CAP_PERFMON capabilities) to trace the kernel",
                    "run it with sudo");
        }
        return "uid " + euid + " with " + (admin ? "CAP_SYS_ADMIN" : "CAP_BPF and CAP_PERFMON");
    }

    /** The kernel's BTF must exist: without it CO-RE cannot relocate. */
    public static void checkBtf(Path vmlinux) {
        if (!Files.isReadable(vmlinux)) {
            throw new PreflightException(Requirement.BTF, "this kernel has no BTF (" + vmlinux + " is missing)",
                    "ior needs a kernel built with CONFIG_DEBUG_INFO_BTF=y, as most distributions' kernels since 5.8 are");
        }
    }

    /** libbpf.so.1 must load and report major version 1 or later; returns "major.minor". */
    public static String checkLibbpf() {
        SymbolLookup lookup = LibbpfLibrary.lookup();
        try {
            Linker linker = Linker.nativeLinker();
            FunctionDescriptor version = FunctionDescriptor.of(ValueLayout.JAVA_INT);
            int major = (int) linker.downcallHandle(lookup.find("libbpf_major_version").orElseThrow(), version)
                    .invokeExact();
            int minor = (int) linker.downcallHandle(lookup.find("libbpf_minor_version").orElseThrow(), version)
                    .invokeExact();
            if (major < 1) {
                throw new PreflightException(Requirement.LIBBPF, "libbpf " + major + "." + minor + " is too old",
                        "ior needs libbpf 1.0 or later (apt-get install libbpf1)");
            }
            return major + "." + minor;
        } catch (PreflightException e) {
            throw e;
        } catch (Throwable t) {
            throw new PreflightException(Requirement.LIBBPF, "libbpf is older than 1.0 (libbpf_major_version is missing)",
                    "ior needs libbpf 1.0 or later (apt-get install libbpf1)");
        }
    }

    private static long effectiveCapabilities() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    return Long.parseUnsignedLong(line.substring(7).strip(), 16);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
