package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.testing.IoHelper;
import dev.ior.core.testing.RequiresRoot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ior record} as a user runs it, read back with DuckDB. */
@RequiresRoot
@ExtendWith(NoBpfLeftovers.class)
class RecordIT {

    private static final Pattern SUMMARY = Pattern.compile("ior: events=(\\d+) lost_kernel=(\\d+) dropped_user=(\\d+)");

    @Test
    void recordsTheExactSyscallsOfAKnownWorkload(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("spine.dat");
        Path output = dir.resolve("capture.parquet");
        String comm = IoHelper.uniqueComm(); // other iohelpers may run on the host meanwhile
        Recording ior = startRecording(output, "--comm", comm, "--syscalls", "openat,read,write,close");
        IoHelper helper = IoHelper.startAs(dir.resolve(comm), "spine", data.toString());
        helper.go();
        String summary = ior.stop("INT");

        List<String> rows = query(output, "SELECT syscall, count(*), sum(bytes), min(fd), any_value(errno) "
                + "FROM '" + output + "' WHERE file = '" + data + "' GROUP BY syscall ORDER BY syscall");
        assertEquals(List.of("close 1 0 3 null", "openat 1 0 3 null", "read 2 4096 3 null", "write 4 4096 3 null"),
                rows);
        assertEquals(List.of(comm + " " + helper.pid() + " 1 0"), query(output,
                "SELECT DISTINCT comm, pid, count(DISTINCT tid), count(*) FILTER (WHERE latency_ns = 0) "
                        + "FROM '" + output + "' GROUP BY comm, pid"));
        Matcher counts = SUMMARY.matcher(summary);
        assertTrue(counts.matches(), summary);
        assertEquals(List.of(counts.group(1)), query(output, "SELECT count(*) FROM '" + output + "'"),
                "every event the session delivered is in the file");
        String atStart = query(output, "SELECT decode(value) FROM parquet_kv_metadata('" + output
                + "') WHERE key = 'ior.processes_at_start'").getFirst();
        assertTrue(atStart.contains("{\"pid\":" + ProcessHandle.current().pid() + ",\"cwd\":\""),
                "the test JVM was running when ior started: " + atStart.substring(0, Math.min(200, atStart.length())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalEndsTheRecordingWithAValidFileHoldingEveryDeliveredEvent(String signal, @TempDir Path dir)
            throws Exception {
        Path output = dir.resolve("busy.parquet");
        Recording ior = startRecording(output);
        Process load = new ProcessBuilder("sh", "-c", "for i in $(seq 1 200); do cat /etc/hostname; done")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        load.waitFor();
        String summary = ior.stop(signal);

        Matcher counts = SUMMARY.matcher(summary);
        assertTrue(counts.matches(), summary);
        long events = Long.parseLong(counts.group(1));
        assertTrue(events > 200 * 3, "the load's events at least: " + events);
        assertEquals(List.of(Long.toString(events)), query(output, "SELECT count(*) FROM '" + output + "'"));
        assertEquals("0", counts.group(3), "nothing dropped");
    }

    @Test
    void wallClockTimesAreRightWhenIorRunsInATimeNamespace(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("timens.parquet");
        long before = System.currentTimeMillis();
        var result = IorProcess.run(List.of("unshare", "--time", "--fork", "--boottime", "100000"), "record", "-o",
                output.toString(), "--duration", "2");
        long after = System.currentTimeMillis();
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> range = query(output, "SELECT count(*), min(epoch_ns(time)) // 1000000, "
                + "max(epoch_ns(time)) // 1000000 FROM '" + output + "'");
        String[] values = range.getFirst().split(" ");
        assertTrue(Long.parseLong(values[0]) > 0, "events were recorded: " + range);
        assertTrue(Long.parseLong(values[1]) >= before - 1000 && Long.parseLong(values[2]) <= after + 1000,
                "times within the run (" + before + ".." + after + "), not 100000 s off: " + range);
    }

    @Test
    void samplingIsInTheSummaryAndTheMetadataWithExactTotals(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("sampled.parquet");
        Path file = Files.writeString(dir.resolve("read-by-cat"), "hello");
        Process ior = new ProcessBuilder(IorProcess.command("record", "-o", output.toString(), "--comm", "cat",
                "--sample-syscalls", "read=0", "--sample-families", "Memory=2", "--trace-families", "default,memory"))
                .start();
        BufferedReader err = new BufferedReader(new InputStreamReader(ior.getErrorStream(), StandardCharsets.UTF_8));
        assertEquals("ior: recording to " + output + " until Ctrl-C", err.readLine());
        for (int i = 0; i < 3; i++) {
            assertEquals(0, new ProcessBuilder("cat", file.toString()).start().waitFor());
        }
        new ProcessBuilder("kill", "-INT", Long.toString(ior.pid())).start().waitFor();
        assertTrue(ior.waitFor(10, TimeUnit.SECONDS));
        List<String> stderr = err.lines().toList();
        String read = stderr.stream().filter(l -> l.startsWith("ior: sampled syscall=read ")).findFirst().orElseThrow(
                () -> new AssertionError(stderr.toString()));
        Matcher reads = Pattern.compile("ior: sampled syscall=read rate=0 calls=(\\d+) traced=0 counted_only=(\\d+)")
                .matcher(read);
        assertTrue(reads.matches(), read);
        assertTrue(Long.parseLong(reads.group(1)) >= 6, "each cat reads its file twice at least: " + read);
        assertTrue(stderr.contains("ior: sampling: gap_ns is measured between the calls that became events"),
                stderr.toString());
        assertEquals(List.of("0"), query(output, "SELECT count(*) FROM '" + output + "' WHERE syscall = 'read'"));
        List<String> metadata = query(output, "SELECT decode(key), decode(value) FROM parquet_kv_metadata('" + output
                + "') WHERE decode(key) LIKE 'ior.sampling%' ORDER BY 1");
        assertEquals(3, metadata.size(), metadata.toString());
        assertEquals("ior.sampling family:Memory=2,read=0", metadata.get(0));
        assertEquals("ior.sampling.gaps gap_ns is measured between the calls that became events", metadata.get(1));
        assertTrue(metadata.get(2).startsWith("ior.sampling.totals {") && metadata.get(2).contains(
                "\"read\":{\"rate\":0,\"calls\":" + reads.group(1) + ",\"traced\":0,\"counted_only\":"
                        + reads.group(2) + "}"), metadata.get(2));
    }

    @Test
    void anUnwritableOutputIsOneLineAndNoTracing(@TempDir Path dir) throws Exception {
        var result = IorProcess.run(List.of(), "record", "-o", dir.resolve("missing/dir/x.parquet").toString(),
                "--duration", "1");
        assertEquals(1, result.exitCode());
        assertEquals(List.of("ior: cannot create " + dir.resolve("missing/dir/x.parquet") + ": the directory "
                + dir.resolve("missing/dir") + " does not exist"), result.stderrLines());
    }

    /** A running {@code ior record} and its stderr. */
    private record Recording(Process process, BufferedReader stderr) {
        /** Sends {@code signal} and returns ior's last stderr line (the summary). */
        String stop(String signal) throws Exception {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
            return stderr.lines().toList().getLast();
        }
    }

    /** Starts recording to {@code output} and waits until ior says it is attached. */
    private static Recording startRecording(Path output, String... filters) throws Exception {
        List<String> args = new ArrayList<>(List.of("record", "-o", output.toString()));
        args.addAll(List.of(filters));
        Process ior = new ProcessBuilder(IorProcess.command(args.toArray(String[]::new))).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(ior.getErrorStream(), StandardCharsets.UTF_8));
        assertEquals("ior: recording to " + output + " until Ctrl-C", err.readLine());
        return new Recording(ior, err);
    }

    private static List<String> query(Path file, String sql) throws Exception {
        assertTrue(Files.exists(file));
        return DuckDb.query(sql);
    }
}
