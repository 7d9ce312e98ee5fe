package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.testing.RequiresRoot;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ior doctor} as a user runs it: every check passes on this host, and a host
 * made unfit for real (an unprivileged user; tracefs gone and unmountable) fails
 * naming the check, with the fix under it.
 */
@RequiresRoot
class DoctorIT {

    private static final List<String> CHECKS = List.of("privileges", "kernel", "btf", "tracefs", "libbpf",
            "lockdown", "perf_event_paranoid", "unprivileged_bpf", "ring_buffer", "probes", "fd_identity");

    @Test
    void everyCheckPassesHereAndTheProgramsAttach() throws Exception {
        var result = IorProcess.run(List.of(), "doctor");

        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        assertEquals("", result.stderr());
        List<String> lines = result.stdout().lines().toList();
        assertTrue(lines.getFirst().matches("CHECK +RESULT +DETAILS"), lines.getFirst());
        assertEquals(CHECKS.size() + 1, lines.size(), result.stdout());
        for (int i = 0; i < CHECKS.size(); i++) {
            assertTrue(lines.get(i + 1).matches(Pattern.quote(CHECKS.get(i)) + " +ok +\\S.*"), lines.get(i + 1));
        }
        assertTrue(row(result, "privileges").endsWith(" root"), result.stdout());
        assertTrue(row(result, "probes").contains("ior_sys_enter, ior_sys_exit"), result.stdout());
        assertTrue(row(result, "fd_identity").contains("by inode"), "this 6.x kernel has bpf_rdonly_cast: "
                + result.stdout());
    }

    @Test
    void anUnprivilegedUserFailsOnPrivilegesAndTheChecksThatNeedThemAreSkipped() throws Exception {
        var result = IorProcess.run(HostConditions.NOBODY, "doctor");

        assertFailed(result, "privileges", "ior needs root (or the CAP_BPF and CAP_PERFMON capabilities) to trace "
                + "the kernel", "run it with sudo");
        assertAll(() -> assertTrue(row(result, "btf").matches("btf +ok .*"), result.stdout()),
                () -> assertTrue(row(result, "ring_buffer").matches("ring_buffer +skipped +needs privileges"),
                        result.stdout()),
                () -> assertTrue(row(result, "probes").matches("probes +skipped +needs privileges"),
                        result.stdout()));
    }

    @Test
    void tracefsThatCannotBeMountedFailsOnTracefs() throws Exception {
        var result = IorProcess.run(HostConditions.WITHOUT_TRACEFS, "doctor");

        assertFailed(result, "tracefs", "tracefs is not mounted and ior could not mount it at /sys/kernel/tracing "
                + "(mount: Operation not permitted)", "mount it with sudo mount -t tracefs tracefs /sys/kernel/tracing");
        assertTrue(row(result, "probes").matches("probes +skipped +needs tracefs"), result.stdout());
    }

    /** Exit 1, one stderr line naming the only failed check, its row and fix on stdout. */
    private static void assertFailed(IorProcess.Result result, String check, String problem, String fix) {
        List<String> lines = result.stdout().lines().toList();
        String row = row(result, check);
        assertAll(() -> assertEquals(1, result.exitCode(), result.stdout() + result.stderr()),
                () -> assertEquals(List.of("ior: check failed: " + check + " (see the fix above)"),
                        result.stderrLines()),
                () -> assertTrue(row.matches(Pattern.quote(check) + " +fail +" + Pattern.quote(problem)), row),
                () -> assertEquals("fix: " + fix, lines.get(lines.indexOf(row) + 1).strip()));
    }

    private static String row(IorProcess.Result result, String check) {
        return result.stdout().lines().filter(l -> l.startsWith(check + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + check + " in\n" + result.stdout()));
    }
}
