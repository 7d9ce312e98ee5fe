package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.export.CsvEventWriter;
import dev.ior.core.testing.RequiresRoot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code ior trace} as a user runs it: real events, the summary line, a quick and clean exit. */
@RequiresRoot
@ExtendWith(NoBpfLeftovers.class)
class TraceIT {

    private static final Pattern SUMMARY = Pattern.compile("ior: events=(\\d+) lost_kernel=0 dropped_user=0");

    /** What {@code ior trace ARGS} printed while cat read a file. */
    private record CatTrace(long catPid, List<String> rows, int exitCode, List<String> stderr) {

        List<String> catRows() {
            return rows.stream().filter(r -> r.contains(",cat," + catPid + "," + catPid + ",")).toList();
        }
    }

    private static CatTrace traceCat(Path file, String... args) throws Exception {
        Process ior = new ProcessBuilder(IorProcess.command(args)).start();
        var stderr = IorProcess.readAll(ior.getErrorStream());
        BufferedReader stdout = new BufferedReader(new InputStreamReader(ior.getInputStream(), StandardCharsets.UTF_8));
        assertEquals(CsvEventWriter.HEADER, stdout.readLine(), "the header comes once attached");
        Process cat = new ProcessBuilder("cat", file.toString()).start();
        assertEquals(0, cat.waitFor());
        List<String> rows = stdout.lines().toList();
        assertTrue(ior.waitFor(10, TimeUnit.SECONDS));
        return new CatTrace(cat.pid(), rows, ior.exitValue(), stderr.join().lines().toList());
    }

    @Test
    void printsTheEventsOfOtherProcessesAndEndsWithTheSummary(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("read-by-cat"), "hello");
        CatTrace trace = traceCat(file, "trace", "--duration", "3", "--syscalls", "open*,read",
                "--no-syscalls", "open,openat2");

        assertEquals(0, trace.exitCode());
        String open = "openat,3,3,0," + file + ",,,-1,0";
        String read = "read,3,5,5," + file + ",,,-1,0";
        assertTrue(trace.catRows().stream().anyMatch(r -> r.endsWith(open)), "open in " + trace.rows());
        assertTrue(trace.catRows().stream().anyMatch(r -> r.endsWith(read)), "read in " + trace.rows());
        var summary = SUMMARY.matcher(trace.stderr().getLast());
        assertTrue(summary.matches(), trace.stderr().toString());
        assertEquals(trace.rows().size(), Long.parseLong(summary.group(1)), "every event printed is counted");
    }

    @Test
    void excludedSyscallsAreNotPrintedYetTheirFdsStillResolve(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("read-by-cat"), "hello");
        CatTrace trace = traceCat(file, "trace", "--duration", "3", "--syscalls", "*at,read", "--no-syscalls", "open*");

        assertTrue(trace.catRows().stream().anyMatch(r -> r.contains(",read,3,5,5," + file + ",")), "read in "
                + trace.catRows());
        assertTrue(trace.catRows().stream().noneMatch(r -> r.contains(",openat,")), "openat excluded: "
                + trace.catRows());
    }

    @Test
    void familiesKindsAndExclusionsChooseWhatIsPrinted(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("read-by-cat"), "hello");
        CatTrace memory = traceCat(file, "trace", "--duration", "3", "--trace-families", "memory",
                "--no-trace-syscalls", "munmap");
        Set<String> syscalls = syscalls(memory.catRows());
        assertTrue(syscalls.containsAll(Set.of("mmap", "brk", "mprotect")), syscalls.toString());
        assertTrue(syscalls.stream().noneMatch(s -> s.equals("munmap") || s.equals("read") || s.startsWith("open")),
                syscalls.toString());

        CatTrace paths = traceCat(file, "trace", "--duration", "3", "-trace-kinds", "path", "-trace-syscalls", "read");
        Set<String> pathSyscalls = syscalls(paths.catRows());
        assertTrue(pathSyscalls.containsAll(Set.of("openat", "read")), pathSyscalls.toString());
        assertTrue(pathSyscalls.stream().noneMatch(s -> s.equals("close") || s.equals("mmap")), pathSyscalls.toString());
    }

    @Test
    void aTidThatIsNotAThreadOfThePidIsAWarning() throws Exception {
        Process one = new ProcessBuilder("sleep", "30").start();
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            var result = IorProcess.run(List.of(), "trace", "--pid", Long.toString(one.pid()), "--tid",
                    Long.toString(other.pid()), "--duration", "1", "--no-header");
            assertEquals(0, result.exitCode(), result.stderr());
            assertEquals(List.of("ior: warning: thread " + other.pid() + " is not a thread of process " + one.pid()
                    + ", so nothing will be traced", "ior: events=0 lost_kernel=0 dropped_user=0"),
                    result.stderr().lines().toList());
        } finally {
            one.destroy();
            other.destroy();
        }
    }

    /** The syscall column of CSV rows. */
    private static Set<String> syscalls(List<String> rows) {
        Set<String> names = new HashSet<>();
        rows.forEach(row -> names.add(row.split(",")[7]));
        return names;
    }

    @Test
    void ctrlCEndsTheTraceWithinTwoSecondsAndLeavesNothingAttached() throws Exception {
        Set<String> before = iorProgramIds();
        Process ior = new ProcessBuilder(IorProcess.command("trace")).start();
        try {
            var stderr = IorProcess.readAll(ior.getErrorStream());
            BufferedReader stdout = new BufferedReader(
                    new InputStreamReader(ior.getInputStream(), StandardCharsets.UTF_8));
            assertEquals(CsvEventWriter.HEADER, stdout.readLine());
            IorProcess.readAll(ior.getInputStream());
            Set<String> ours = new HashSet<>(iorProgramIds());
            ours.removeAll(before); // other ior instances may run beside this test
            assertEquals(7, ours.size(), "ior's seven programs while tracing (syscalls, processes, io_uring)");

            long start = System.nanoTime();
            new ProcessBuilder("kill", "-INT", Long.toString(ior.pid())).start().waitFor();
            assertTrue(ior.waitFor(10, TimeUnit.SECONDS), "ior did not exit on SIGINT");
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertTrue(millis < 2000, "the shell got control back after " + millis + " ms");
            assertEquals(130, ior.exitValue(), "128 + SIGINT, as for any command stopped by Ctrl-C");
            String err = stderr.get(5, TimeUnit.SECONDS);
            assertTrue(SUMMARY.matcher(err.lines().toList().getLast()).matches(), err);
            awaitGone(ours);
        } finally {
            ior.destroyForcibly(); // a failed assertion must not leave a tracer running
        }
    }

    @Test
    void aReaderThatStopsReadingCannotKeepIorFromStopping() throws Exception {
        Process ior = new ProcessBuilder(IorProcess.command("trace")).start();
        try {
            var stderr = IorProcess.readAll(ior.getErrorStream());
            BufferedReader stdout = new BufferedReader(
                    new InputStreamReader(ior.getInputStream(), StandardCharsets.UTF_8));
            assertEquals(CsvEventWriter.HEADER, stdout.readLine());
            // nobody reads stdout any more: a little load fills the pipe and blocks ior's writes
            new ProcessBuilder("dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=200000")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            new ProcessBuilder("kill", "-TERM", Long.toString(ior.pid())).start().waitFor();
            assertTrue(ior.waitFor(10, TimeUnit.SECONDS), "ior must stop even with its output blocked");
            List<String> lines = stderr.get(5, TimeUnit.SECONDS).lines().toList();
            assertEquals("ior: the output is blocked (nothing reads it): stopping without writing the rest",
                    lines.get(lines.size() - 2), lines.toString());
            assertTrue(lines.getLast().startsWith("ior: events="), lines.toString());
            assertEquals(1, ior.exitValue());
        } finally {
            ior.destroyForcibly(); // a failed assertion must not leave a tracer running
        }
    }

    @Test
    void aReaderThatGoesAwayEndsTheTraceQuietly() throws Exception {
        var result = IorProcess.run(List.of("sh", "-c", "\"$@\" | head -n 2 > /dev/null", "pipe"),
                "trace", "--duration", "5");
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> lines = result.stderrLines();
        assertTrue(lines.size() == 1 && lines.get(0).startsWith("ior: events="), result.stderr());
    }

    @Test
    void aTraceByPidEndsWhenThatProcessExitsEvenIfItWentWhileIorWasLoading() throws Exception {
        for (String lifetime : List.of("3", "0.7")) { // exits while traced; about while ior loads
            Process traced = new ProcessBuilder("sleep", lifetime).start();
            long start = System.nanoTime();
            var result = IorProcess.run(List.of(), "trace", "--pid", Long.toString(traced.pid()), "--no-header");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

            assertTrue(seconds < 10, "ior ran " + seconds + " s for a process of " + lifetime + " s");
            List<String> lines = result.stderrLines();
            if (result.exitCode() == 2) { // gone before ior even looked: refused as an unknown pid
                assertEquals(List.of("ior: no process with pid " + traced.pid() + " is running"), lines);
                continue;
            }
            assertEquals(0, result.exitCode(), result.stderr());
            assertEquals("ior: traced process " + traced.pid() + " exited", lines.get(lines.size() - 2));
            assertTrue(SUMMARY.matcher(lines.getLast()).matches(), result.stderr());
        }
    }

    @Test
    void aFollowingTraceOutlivesTheNamedProcessAndTracesTheChildItLeftBehind(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("orphan.log");
        // the parent exits after a second; its child writes for three more and is traced by --follow
        Process parent = new ProcessBuilder("sh", "-c", "sleep 1; (sleep 1; for i in 1 2 3; do echo x >> "
                + file + "; sleep 0.5; done) & exit 0").start();
        long start = System.nanoTime();
        var result = IorProcess.run(List.of(), "trace", "--pid", Long.toString(parent.pid()), "--follow",
                "--duration", "6", "--no-header");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(seconds >= 6, "the run lasted its --duration, not the parent's second: " + seconds + " s");
        assertTrue(result.stderrLines().contains("ior: traced process " + parent.pid()
                + " exited; the children it forked are still traced"), result.stderr());
        long writes = result.stdout().lines().filter(line -> line.contains(",write,") && line.contains(file.toString()))
                .count();
        assertEquals(3, writes, "the orphan's three writes: " + result.stdout().lines().filter(
                line -> line.contains(file.toString())).toList());
    }

    /**
     * Waits until none of {@code programs} is loaded: a detached program is freed
     * after an RCU grace period, a few hundred milliseconds here.
     */
    static void awaitGone(Set<String> programs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Set<String> left = new HashSet<>(programs);
        while (true) {
            left.retainAll(iorProgramIds());
            if (left.isEmpty()) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "ior programs still loaded 5 s after exit: " + left);
            Thread.sleep(50);
        }
    }

    /** The ids of the loaded BPF programs named ior_*. */
    static Set<String> iorProgramIds() throws Exception {
        Process bpftool = new ProcessBuilder("bpftool", "prog", "show").start();
        String out = new String(bpftool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        bpftool.waitFor();
        Set<String> ids = new HashSet<>();
        out.lines().filter(l -> l.contains(" name ior_")).forEach(l -> ids.add(l.substring(0, l.indexOf(':'))));
        return ids;
    }
}
