package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.export.CsvEventWriter;
import dev.ior.core.testing.IoHelper;
import dev.ior.core.testing.RequiresRoot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A headless run on a tiny ring that cannot keep up with its traced process: what the
 * kernel dropped is counted by cause in the summary line and in the recording's
 * metadata, so that delivered plus lost is every call made; and the run ends by itself,
 * exit code 0, once the process it traces by pid has exited.
 */
@RequiresRoot
@ExtendWith(NoBpfLeftovers.class)
class FloodIT {

    private static final int CALLS = 300_000;
    private static final int AFTER = 100;
    private static final Pattern SUMMARY = Pattern.compile("ior: events=(\\d+) lost_kernel=(\\d+) dropped_user=0 "
            + "lost_ring_full=(\\d+) lost_no_slot=0 lost_uring_full=0");

    @Test
    void aTraceThatFallsBehindCountsEveryLossByCauseAndEndsWhenItsProcessExits(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("flood.dat");
        try (IoHelper flood = IoHelper.start("flood", data.toString(), Integer.toString(CALLS))) {
            Process ior = new ProcessBuilder(IorProcess.command("trace", "--pid", Long.toString(flood.pid()),
                    "--syscalls", "pwrite64", "--ring-size", "4K")).start();
            try {
                var stderr = IorProcess.readAll(ior.getErrorStream());
                BufferedReader stdout = new BufferedReader(new InputStreamReader(ior.getInputStream(),
                        StandardCharsets.UTF_8));
                assertEquals(CsvEventWriter.HEADER, stdout.readLine());
                var rows = IorProcess.readAll(ior.getInputStream());
                runFloodThenCalm(flood);
                assertTrue(ior.waitFor(20, TimeUnit.SECONDS), "ior stops once the traced process exited");

                List<String> err = stderr.join().lines().toList();
                assertEquals(0, ior.exitValue(), err.toString());
                assertEquals("ior: traced process " + flood.pid() + " exited", err.get(err.size() - 2));
                Matcher summary = SUMMARY.matcher(err.getLast());
                assertTrue(summary.matches(), err.getLast());
                List<long[]> bytesAndPid = rows.join().lines()
                        .map(r -> r.split(","))
                        .map(f -> new long[] {Long.parseLong(f[10]), Long.parseLong(f[5])}).toList();
                assertDeliveredPlusLostIsEveryCall(bytesAndPid.stream().mapToLong(b -> b[0]).boxed().toList(),
                        Long.parseLong(summary.group(1)), Long.parseLong(summary.group(2)),
                        Long.parseLong(summary.group(3)));
                assertTrue(bytesAndPid.stream().allMatch(b -> b[1] == flood.pid()));
            } finally {
                ior.destroyForcibly();
            }
        }
    }

    @Test
    void aRecordingThatFellBehindSaysWhatItLostInItsMetadata(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("flood.dat");
        Path output = dir.resolve("flood.parquet");
        try (IoHelper flood = IoHelper.start("flood", data.toString(), Integer.toString(CALLS))) {
            Process ior = new ProcessBuilder(IorProcess.command("record", "-o", output.toString(), "--pid",
                    Long.toString(flood.pid()), "--syscalls", "pwrite64", "--ring-size", "4K")).start();
            try {
                BufferedReader stderr = new BufferedReader(new InputStreamReader(ior.getErrorStream(),
                        StandardCharsets.UTF_8));
                assertEquals("ior: recording to " + output + " until Ctrl-C", stderr.readLine());
                runFloodThenCalm(flood);
                assertTrue(ior.waitFor(30, TimeUnit.SECONDS), "ior stops once the traced process exited");

                List<String> err = stderr.lines().toList();
                assertEquals(0, ior.exitValue(), err.toString());
                assertEquals("ior: traced process " + flood.pid() + " exited", err.getFirst());
                Matcher summary = SUMMARY.matcher(err.getLast());
                assertTrue(summary.matches(), err.getLast());
                List<Long> bytes = DuckDb.query("SELECT bytes FROM '" + output + "' ORDER BY seq").stream()
                        .map(Long::parseLong).toList();
                long lostRingFull = Long.parseLong(DuckDb.metadata(output, "ior.lost_ring_full"));
                assertAll(
                        () -> assertEquals(summary.group(2), DuckDb.metadata(output, "ior.lost_kernel")),
                        () -> assertEquals(summary.group(3), Long.toString(lostRingFull)),
                        () -> assertEquals("0", DuckDb.metadata(output, "ior.lost_no_slot")),
                        () -> assertEquals("0", DuckDb.metadata(output, "ior.lost_uring_full")),
                        () -> assertEquals(summary.group(1), DuckDb.metadata(output, "ior.events")));
                assertDeliveredPlusLostIsEveryCall(bytes, Long.parseLong(summary.group(1)),
                        Long.parseLong(summary.group(2)), lostRingFull);
            } finally {
                ior.destroyForcibly();
            }
        }
    }

    @Test
    void anAdaptiveTraceCountsItsHottestSyscallInTheKernelOnlySaysSoAndAccountsForEveryCall(@TempDir Path dir)
            throws Exception {
        Path flooded = dir.resolve("flood.dat");
        Path after = dir.resolve("after.dat");
        try (IoHelper flood = IoHelper.start("narrowflood", flooded.toString(), after.toString(), "5")) {
            Process ior = new ProcessBuilder(IorProcess.command("trace", "--pid", Long.toString(flood.pid()),
                    "--syscalls", "pwrite64,pread64", "--ring-size", "4K", "--adaptive")).start();
            try {
                var stderr = IorProcess.readAll(ior.getErrorStream());
                BufferedReader stdout = new BufferedReader(new InputStreamReader(ior.getInputStream(),
                        StandardCharsets.UTF_8));
                assertEquals(CsvEventWriter.HEADER, stdout.readLine());
                var rows = IorProcess.readAll(ior.getInputStream());
                flood.go(); // 500 pwrite64 for each pread64, for five seconds
                long made = flood.fact("pwrites") + flood.fact("preads");
                Thread.sleep(1000);
                flood.go(); // after.dat: 200 × (pwrite64, pread64), a millisecond apart
                assertTrue(ior.waitFor(20, TimeUnit.SECONDS), "ior stops once the traced process exited");

                List<String> err = stderr.join().lines().toList();
                List<String[]> csv = rows.join().lines().map(r -> r.split(",")).toList();
                Matcher summary = SUMMARY.matcher(err.getLast());
                Matcher counted = Pattern.compile("ior: sampled syscall=pwrite64 rate=0 calls=(\\d+) traced=(\\d+) "
                        + "counted_only=(\\d+)").matcher(err.get(err.size() - 3));
                List<String> warnings = err.stream().filter(l -> l.startsWith("ior: warning: ")).toList();
                assertAll(
                        () -> assertEquals(0, ior.exitValue(), err.toString()),
                        () -> assertEquals(1, warnings.size(), err.toString()),
                        () -> assertTrue(warnings.getFirst().matches("ior: warning: losing events \\(\\d+ lost in the "
                                + "last 3 s\\): counting pwrite64 in the kernel only from now on \\(exact totals stay "
                                + "in the summary\\)"), warnings.getFirst()),
                        () -> assertTrue(summary.matches(), err.getLast()),
                        () -> assertTrue(counted.matches(), err.toString()));
                assertAll(
                        () -> assertEquals(made + 400, csv.size() + Long.parseLong(summary.group(3))
                                        + Long.parseLong(counted.group(1)),
                                "every call made is a row, a counted loss or a pwrite64 counted in the kernel"),
                        () -> assertEquals(0, rowsOf(csv, after, "pwrite64"), "pwrite64 stays counted only"),
                        () -> assertEquals(200, rowsOf(csv, after, "pread64"), "the rest comes through whole"));
            } finally {
                ior.destroyForcibly();
            }
        }
    }

    private static long rowsOf(List<String[]> csv, Path file, String syscall) {
        return csv.stream().filter(f -> f[7].equals(syscall) && f[11].equals(file.toString())).count();
    }

    /** The flood, a second for the consumer to catch up, then calls a millisecond apart and the exit. */
    private static void runFloodThenCalm(IoHelper flood) throws Exception {
        flood.go();
        Thread.sleep(1000);
        flood.go();
    }

    /**
     * The flood's one-byte calls that came through plus the records lost are every call
     * it made; the calm calls after it (1..100 bytes) all came through.
     */
    private static void assertDeliveredPlusLostIsEveryCall(List<Long> bytes, long events, long lostKernel,
                                                           long lostRingFull) {
        List<Long> calm = bytes.subList(bytes.size() - AFTER, bytes.size());
        long delivered = bytes.size() - AFTER;
        assertAll(() -> assertEquals(events, bytes.size(), "every event counted is in the output"),
                () -> assertEquals(lostKernel, lostRingFull, "all losses are ring-full losses"),
                () -> assertTrue(lostRingFull > 0, "a 4 KiB ring cannot keep up with the flood"),
                () -> assertEquals(CALLS, delivered + lostRingFull, "delivered + lost = the calls made"),
                () -> assertTrue(bytes.subList(0, bytes.size() - AFTER).stream().allMatch(b -> b == 1)),
                () -> assertEquals(java.util.stream.LongStream.rangeClosed(1, AFTER).boxed().toList(), calm,
                        "every call after the flood, in order"));
    }
}
