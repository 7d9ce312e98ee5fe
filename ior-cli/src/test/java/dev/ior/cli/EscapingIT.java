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
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process whose name and file names hold a newline, control characters, a comma, a
 * quote and bytes that are not UTF-8: every output shows them in one notation,
 * {@code \xHH}, each event on one line, and DuckDB reads the recording as written.
 */
@RequiresRoot
@ExtendWith(NoBpfLeftovers.class)
class EscapingIT {

    /** The file name as bytes: a, newline, b, 0x01, comma, quote, c, 0xff, ä (UTF-8). */
    private static final String NAME_PRINTF = "a\\nb\\001,\"c\\377\\303\\244";
    private static final String NAME_SHOWN = "a\\x0ab\\x01,\"c\\xffä";
    /** The command name: "ca", 0x02, "t". */
    private static final String COMM_SHOWN = "ca\\x02t";

    @Test
    void controlCharactersAndInvalidUtf8AreEscapedTheSameWayInEveryOutput(@TempDir Path dir) throws Exception {
        Path cat = Files.copy(Path.of("/bin/cat"), dir.resolve("ca\u0002t"), StandardCopyOption.COPY_ATTRIBUTES);
        String workload = "cd " + dir + " && \"./$(printf 'ca\\002t')\" \"$(printf '" + NAME_PRINTF + "')\" 2>/dev/null";
        String file = dir + "/" + NAME_SHOWN;

        Path recording = dir.resolve("r.parquet");
        Process record = new ProcessBuilder(IorProcess.command("record", "-o", recording.toString(), "--syscalls",
                "openat")).start();
        BufferedReader recordErr = new BufferedReader(new InputStreamReader(record.getErrorStream(),
                StandardCharsets.UTF_8));
        assertTrue(recordErr.readLine().startsWith("ior: recording to "));
        Process trace = new ProcessBuilder(IorProcess.command("trace", "--syscalls", "openat")).start();
        var traceErr = IorProcess.readAll(trace.getErrorStream());
        BufferedReader traceOut = new BufferedReader(new InputStreamReader(trace.getInputStream(),
                StandardCharsets.UTF_8));
        assertEquals(CsvEventWriter.HEADER, traceOut.readLine());
        var rows = IorProcess.readAll(trace.getInputStream());
        assertEquals(1, new ProcessBuilder("sh", "-c", workload).start().waitFor(), "cat fails: no such file");
        for (Process ior : List.of(record, trace)) {
            new ProcessBuilder("kill", "-INT", Long.toString(ior.pid())).start().waitFor();
            assertTrue(ior.waitFor(10, TimeUnit.SECONDS));
        }
        traceErr.join();
        recordErr.lines().forEach(line -> { });

        String csvField = "\"" + file.replace("\"", "\"\"") + "\"";
        String csvRow = rows.join().lines().filter(l -> l.contains(csvField)).findFirst().orElseThrow(
                () -> new AssertionError("no row of " + csvField + " in the trace"));
        assertTrue(csvRow.contains("," + COMM_SHOWN + ","), csvRow);
        assertTrue(csvRow.contains(",openat,-1,-2,0," + csvField + ",ENOENT,"), csvRow);

        assertEquals(List.of(COMM_SHOWN + " -2"), DuckDb.query("SELECT comm, ret FROM '" + recording
                + "' WHERE file = '" + file.replace("'", "''") + "'"), "DuckDB reads the strings as ior wrote them");

        String[] filters = {"--filter", "comm=" + COMM_SHOWN, "--filter", "file~/a\\x0ab"};
        var csv = IorProcess.run(List.of(), concat(new String[] {"export", "-i", recording.toString()}, filters));
        // from comm on: seq and times are each tracer's own (two ior run side by side)
        assertEquals(List.of(CsvEventWriter.HEADER, fromComm(csvRow)),
                csv.stdout().lines().map(EscapingIT::fromComm).toList(), "the export as the trace");
        var ndjson = IorProcess.run(List.of(), concat(new String[] {"export", "-i", recording.toString(), "--format",
            "ndjson"}, filters));
        List<String> lines = ndjson.stdout().lines().toList();
        assertEquals(1, lines.size(), ndjson.stdout());
        assertTrue(lines.getFirst().contains("\"comm\":\"" + COMM_SHOWN.replace("\\", "\\\\") + "\""), lines.getFirst());
        assertTrue(lines.getFirst().contains("\"file\":\"" + file.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                lines.getFirst());
        Files.delete(cat);
    }

    private static String fromComm(String csvRow) {
        return csvRow.startsWith("seq,") ? csvRow : csvRow.split(",", 5)[4];
    }

    private static String[] concat(String[] first, String[] second) {
        String[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
