package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.testing.RequiresRoot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ior stats} as a user runs it, on a process whose syscalls are known exactly:
 * the iohelper's spine scenario, traced with {@code --pid} from its "go" on.
 */
@RequiresRoot
class StatsIT {

    private static final Pattern JSON_LINE = Pattern.compile("\\{\"syscall\":\"([^\"]+)\",\"calls\":(\\d+),"
            + "\"errors\":(\\d+),\"bytes\":(\\d+),\"time_ns\":(\\d+),\"avg_ns\":(\\d+),\"p50_ns\":(\\d+),"
            + "\"p95_ns\":(\\d+),\"p99_ns\":(\\d+),\"max_ns\":(\\d+)}");
    private static final Pattern SUMMARY = Pattern.compile("ior: events=(\\d+) lost_kernel=0 dropped_user=0");

    /**
     * What the spine scenario does after "go", as "calls errors bytes" per syscall:
     * openat; four writes of 1 KiB; lseek; two reads of 2 KiB; close; the helper's two
     * lines on stdout ("fd 3", "done": one write of 5 bytes each); the faccessat of its
     * end marker, which does not exist. Its read of "go" entered before ior attached:
     * not a completed call ior saw.
     */
    private static final Map<String, String> SPINE = Map.of(
            "openat", "1 0 0",
            "write", "6 0 4106",
            "lseek", "1 0 0",
            "read", "2 0 4096",
            "close", "1 0 0",
            "faccessat", "1 1 0");

    @Test
    void countsEveryCallOfAKnownProcessExactly(@TempDir Path dir) throws Exception {
        Helper helper = Helper.start(dir);
        Ior ior = Ior.start("stats", "--pid", Long.toString(helper.pid()), "--format", "json", "--sort", "calls");
        helper.go();
        Ior.Output out = ior.stop();

        List<String> lines = out.stdout().lines().toList();
        Map<String, String> counts = new TreeMap<>();
        List<String> order = new ArrayList<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            Matcher m = JSON_LINE.matcher(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
            assertTrue(m.matches(), line);
            counts.put(m.group(1), m.group(2) + " " + m.group(3) + " " + m.group(4));
            order.add(m.group(1));
            long avg = Long.parseLong(m.group(6));
            long p50 = Long.parseLong(m.group(7));
            long max = Long.parseLong(m.group(10));
            assertTrue(0 < p50 && p50 <= max && avg <= max, "latencies in order: " + line);
        }
        assertEquals(new TreeMap<>(SPINE), counts);
        assertEquals("write", order.get(0), "sorted by calls, most first");
        assertEquals(List.of("close", "faccessat", "lseek", "openat"), order.subList(2, 6), "ties by name");
        assertTrue(lines.getFirst().startsWith("{\"events\":12,\"lost_kernel\":0,\"dropped_user\":0,"), lines.getFirst());
        assertTrue(lines.getLast().startsWith("],\"total\":{\"syscall\":\"total\",\"calls\":12,\"errors\":1,"
                + "\"bytes\":8202,"), lines.getLast());
        assertEquals("ior: events=12 lost_kernel=0 dropped_user=0", out.stderr().getLast());
        assertEquals(130, out.exitCode(), "128 + SIGINT, as for any command stopped by Ctrl-C");
    }

    @Test
    void aRecordingCountsTheSameCallsAsTheLiveProcessMade(@TempDir Path dir) throws Exception {
        Path recording = dir.resolve("spine.parquet");
        Helper helper = Helper.start(dir);
        Ior ior = Ior.start("record", "--pid", Long.toString(helper.pid()), "-o", recording.toString());
        helper.go();
        Matcher recorded = SUMMARY.matcher(ior.stop().stderr().getLast());
        assertTrue(recorded.matches());
        assertEquals("12", recorded.group(1));

        var result = IorProcess.run(List.of(), "stats", "--input", recording.toString(), "--sort", "name");
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> table = result.stdout().lines().toList();
        assertEquals(List.of("syscall", "calls", "errors", "bytes", "time", "avg", "p50", "p95", "p99", "max"),
                List.of(table.getFirst().trim().split(" +")));
        Map<String, String> counts = new TreeMap<>();
        for (String row : table.subList(1, table.size() - 1)) {
            String[] cells = row.trim().split(" +");
            counts.put(cells[0], cells[1] + " " + cells[2] + " " + cells[3]);
        }
        assertEquals(new TreeMap<>(SPINE), counts);
        assertEquals(List.copyOf(new TreeMap<>(SPINE).keySet()), List.copyOf(counts.keySet()), "sorted by name");
        assertTrue(table.getLast().matches("total +12 +1 +8202 .*"), table.getLast());
        assertEquals(List.of("ior: counting syscalls in " + recording, "ior: events=12 lost_kernel=0 dropped_user=0"),
                result.stderrLines());
    }

    /** The iohelper running the spine scenario, waiting for "go". */
    private record Helper(Process process) {
        static Helper start(Path dir) throws Exception {
            Process helper = new ProcessBuilder(System.getProperty("ior.iohelper"), "spine",
                    dir.resolve("spine.dat").toString()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(helper.getInputStream()));
            assertEquals("ready " + helper.pid(), out.readLine());
            return new Helper(helper);
        }

        long pid() {
            return process.pid();
        }

        /** Lets the scenario run and waits until it ended. */
        void go() throws Exception {
            process.getOutputStream().write("go\n".getBytes(StandardCharsets.US_ASCII));
            process.getOutputStream().flush();
            IorProcess.readAll(process.getInputStream());
            assertEquals(0, process.waitFor());
        }
    }

    /** A running ior that announced on stderr that it is attached. */
    private record Ior(Process process, CompletableFuture<String> stdout, BufferedReader stderr) {
        record Output(int exitCode, String stdout, List<String> stderr) {
        }

        static Ior start(String... args) throws Exception {
            Process ior = new ProcessBuilder(IorProcess.command(args)).start();
            CompletableFuture<String> stdout = IorProcess.readAll(ior.getInputStream());
            BufferedReader err = new BufferedReader(new InputStreamReader(ior.getErrorStream(), StandardCharsets.UTF_8));
            String first = err.readLine();
            assertTrue(first != null && first.startsWith("ior: ") && first.endsWith(" until Ctrl-C"), first);
            return new Ior(ior, stdout, err);
        }

        /** Ctrl-C, and what ior printed until it exited. */
        Output stop() throws Exception {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
                assertTrue(process.waitFor(10, TimeUnit.SECONDS), "ior did not exit on SIGINT");
                return new Output(process.exitValue(),
                        stdout.get(5, TimeUnit.SECONDS), stderr.lines().toList());
            } finally {
                process.destroyForcibly(); // a failed assertion must not leave a tracer running
            }
        }
    }
}
