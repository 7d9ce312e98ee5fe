package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.testing.RequiresRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way the host can be unfit for tracing, made real (an unprivileged user, a
 * private mount namespace hiding BTF, libbpf or tracefs): one line on stderr that
 * says what to do, a non-zero exit, no stack trace.
 */
@RequiresRoot
@ExtendWith(NoBpfLeftovers.class)
class BadInputIT {

    @Test
    void withoutRootItSaysToUseSudo() throws Exception {
        var result = IorProcess.run(HostConditions.NOBODY, "trace", "--duration", "1");
        assertOneLineError(result, 1, "ior: ior needs root (or the CAP_BPF and CAP_PERFMON capabilities) "
                + "to trace the kernel: run it with sudo");
    }

    @Test
    void anUnknownPidIsAUsageError() throws Exception {
        int pid = unusedPid();
        var result = IorProcess.run(List.of(), "trace", "--pid", Integer.toString(pid), "--duration", "1");
        assertOneLineError(result, 2, "ior: no process with pid " + pid + " is running");
    }

    @Test
    void withoutKernelBtfItNamesTheKernelOption() throws Exception {
        var result = IorProcess.run(HostConditions.inPrivateMounts("mount -t tmpfs none /sys/kernel/btf"), "trace",
                "--duration", "1");
        assertOneLineError(result, 1, "ior: this kernel has no BTF (/sys/kernel/btf/vmlinux is missing): ior needs "
                + "a kernel built with CONFIG_DEBUG_INFO_BTF=y, as most distributions' kernels since 5.8 are");
    }

    @Test
    void withoutLibbpfItNamesThePackage() throws Exception {
        var result = IorProcess.run(HostConditions.inPrivateMounts(HostConditions.hide("libbpf.so.1")), "trace",
                "--duration", "1");
        assertOneLineError(result, 1, "ior: libbpf is not installed (libbpf.so.1 not found): install it with "
                + "apt-get install libbpf1 (or dnf install libbpf)");
    }

    @Test
    void aLibbpfOlderThanOneIsRefusedByVersion(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("libbpf.so.1");
        Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-o", fake.toString(),
                Path.of("src/test/c/fake-libbpf0.c").toAbsolutePath().toString()).inheritIO().start();
        assertEquals(0, gcc.waitFor());
        var result = IorProcess.run(HostConditions.inPrivateMounts("mount --bind " + fake + " "
                + HostConditions.systemLibrary("libbpf.so.1")), "trace", "--duration", "1");
        assertOneLineError(result, 1,
                "ior: libbpf 0.8 is too old: ior needs libbpf 1.0 or later (apt-get install libbpf1)");
    }

    @Test
    void tracefsThatCannotBeMountedIsAClearError() throws Exception {
        var result = IorProcess.run(HostConditions.WITHOUT_TRACEFS, "trace", "--duration", "1");
        assertOneLineError(result, 1, "ior: tracefs is not mounted and ior could not mount it at "
                + "/sys/kernel/tracing (mount: Operation not permitted): mount it with sudo mount -t tracefs "
                + "tracefs /sys/kernel/tracing");
    }

    @Test
    void aSyscallPatternThatMatchesNothingIsAUsageError() throws Exception {
        var result = IorProcess.run(List.of(), "trace", "--no-syscalls", "opne*", "--duration", "1");
        assertOneLineError(result, 2, "ior: no syscall matches 'opne*' (names as in tracefs, e.g. openat, "
                + "newfstatat, io_uring:read; globs like open* work)");
    }

    @Test
    void anUnknownFamilyOrKindIsAUsageErrorListingTheKnownOnes() throws Exception {
        var family = IorProcess.run(List.of(), "trace", "--trace-families", "FS,Netwrk", "--duration", "1");
        assertOneLineError(family, 2, "ior: unknown syscall family 'Netwrk' (families: FS, Network, Memory, Signals, "
                + "Sched, IPC, Time, Process, Security, Polling, AIO, Misc)");
        var kind = IorProcess.run(List.of(), "trace", "-trace-kinds", "file", "--duration", "1");
        assertOneLineError(kind, 2, "ior: unknown argument kind 'file' (kinds: fd, path, none)");
    }

    @Test
    void aSelectionThatLeavesNothingToTraceIsAUsageError() throws Exception {
        var result = IorProcess.run(List.of(), "trace", "--trace-families", "Time", "--no-trace-kinds", "none,fd",
                "--duration", "1");
        assertOneLineError(result, 2, "ior: the syscall selection family:Time,!kind:none,!kind:fd leaves nothing to "
                + "trace");
    }

    @Test
    void followWithoutAPidAndABadSamplingRateAreUsageErrors() throws Exception {
        assertOneLineError(IorProcess.run(List.of(), "trace", "--follow", "--duration", "1"), 2,
                "ior: --follow follows the processes of --pid: name at least one");
        assertOneLineError(IorProcess.run(List.of(), "trace", "--sample-syscalls", "read=-3", "--duration", "1"), 2,
                "ior: a sampling rate is 1 (every call), N (about one call in N) or 0 (count only), not -3 for read");
    }

    @Test
    void pidZeroIsAUsageError() throws Exception {
        var result = IorProcess.run(List.of(), "trace", "--pid", "0", "--duration", "1");
        assertOneLineError(result, 2, "ior: --pid must be a process id above 0, not 0");
    }

    @Test
    void aBadOptionValueIsAUsageErrorNamingTheOption() throws Exception {
        var result = IorProcess.run(List.of(), "trace", "--duration", "soon");
        assertEquals(2, result.exitCode());
        assertTrue(result.stderrLines().get(0).startsWith("ior: Invalid value for option '--duration'"),
                result.stderr());
        assertNoStackTrace(result);
    }

    @Test
    void badFilterTextIsAUsageErrorNamingThePositionBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path recording = dir.resolve("r.parquet");
        assertEquals(0, IorProcess.run(List.of(), "record", "-o", recording.toString(), "--duration", "1",
                "--syscalls", "openat").exitCode());

        assertOneLineError(IorProcess.run(List.of(), "export", "-i", recording.toString(), "--filter", "latency>=5xs"),
                2, "ior: filter \"latency>=5xs\": unknown unit \"xs\" (use ns, us, ms or s) at position 11");
        assertOneLineError(IorProcess.run(List.of(), "export", "-i", recording.toString(), "--filter", "file=~/tmp/(x"),
                2, "ior: filter \"file=~/tmp/(x\": bad regular expression (Unclosed group) at position 14"); // just past the end
        assertOneLineError(IorProcess.run(List.of(), "export", "-i", recording.toString(), "--filter", "comm~bash",
                "--filter", "size>1\n2"), 2, "ior: filter \"size>1\\x0a2\": unknown field \"size\" (fields: comm, pid, "
                + "tid, syscall, file or path, family, latency, gap, bytes, ret, fd) at position 1");
    }

    private static int unusedPid() throws Exception {
        int max = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/kernel/pid_max")).get(0).strip());
        for (int pid = max - 1; pid > 1; pid--) {
            if (!Files.exists(Path.of("/proc", Integer.toString(pid)))) {
                return pid;
            }
        }
        throw new IllegalStateException("every pid is in use");
    }

    private static void assertOneLineError(IorProcess.Result result, int exitCode, String line) {
        assertAll(() -> assertEquals(exitCode, result.exitCode(), result.stderr()),
                () -> assertEquals(List.of(line), result.stderrLines()),
                () -> assertEquals("", result.stdout()));
    }

    private static void assertNoStackTrace(IorProcess.Result result) {
        assertTrue(result.stderr().lines().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")),
                result.stderr());
    }
}
