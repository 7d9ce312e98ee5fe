package dev.ior.cli;

import dev.ior.bpf.doctor.CheckResult;
import dev.ior.bpf.doctor.Doctor;
import dev.ior.core.IorVersion;
import picocli.CommandLine;

/**
 * {@code ior --version}: what a bug report needs: ior's version and commit, the Java
 * runtime, the libbpf in use and the kernel. The first line alone is ior's version
 * (the man page takes it).
 */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        CheckResult libbpf = Doctor.libbpf();
        return new String[] {
            "ior " + IorVersion.current(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ", "
                    + System.getProperty("java.home") + ")",
            libbpf.failed() ? "libbpf: " + libbpf.finding() + ": " + libbpf.fix() : "libbpf " + libbpf.finding(),
            "Linux " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")"
        };
    }
}
