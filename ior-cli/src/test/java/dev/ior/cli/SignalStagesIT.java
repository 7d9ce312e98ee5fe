package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.testing.RequiresRoot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C and SIGTERM at each stage of {@code ior record}: while the BPF object is being
 * loaded and verified, just attached, and while events are being recorded. Each time ior
 * ends at once with 128 + the signal, no stack trace, the summary line last, nothing of
 * its BPF side left in the kernel, and no half-made file: no file when nothing was
 * traced yet, else a valid recording holding every event counted.
 */
@RequiresRoot
@ExtendWith(NoBpfLeftovers.class)
class SignalStagesIT {

    private static final Pattern SUMMARY = Pattern.compile("ior: events=(\\d+) lost_kernel=0 dropped_user=0");

    /** When the signal is sent, by the line of ior's --verbose stderr that announces the stage. */
    enum Stage {
        /** libbpf created the maps; the verifier is about to check the programs. */
        LOADING(line -> line.contains("libbpf: map 'ior_scratch': created successfully")),
        /** The probes are attached and ior says it records. */
        ATTACHED(line -> line.startsWith("ior: recording to ")),
        /** Attached, and a workload's events are being recorded. */
        RECORDING(line -> line.startsWith("ior: recording to "));

        private final Predicate<String> announced;

        Stage(Predicate<String> announced) {
            this.announced = announced;
        }
    }

    @ParameterizedTest(name = "SIG{0} while {1}")
    @CsvSource({"INT, LOADING", "TERM, LOADING", "INT, ATTACHED", "TERM, ATTACHED", "INT, RECORDING",
        "TERM, RECORDING"})
    void aSignalAtAnyStageEndsIorCleanly(String signal, Stage stage, @TempDir Path dir) throws Exception {
        Path output = dir.resolve("signalled.parquet");
        Process ior = new ProcessBuilder(IorProcess.command("record", "-o", output.toString(), "--verbose",
                "--syscalls", "openat,read,close")).start();
        try {
            IorProcess.readAll(ior.getInputStream());
            BufferedReader stderr = new BufferedReader(new InputStreamReader(ior.getErrorStream(),
                    StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = stderr.readLine()) != null && !stage.announced.test(line)) {
                lines.add(line);
            }
            assertTrue(line != null, "ior ended before " + stage + ": " + lines);
            if (stage == Stage.RECORDING) {
                new ProcessBuilder("sh", "-c", "for i in $(seq 1 50); do cat /etc/hostname; done")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                Thread.sleep(300);
            }
            long sent = System.nanoTime();
            new ProcessBuilder("kill", "-" + signal, Long.toString(ior.pid())).start().waitFor();
            lines.add(line);
            stderr.lines().forEach(lines::add);
            assertTrue(ior.waitFor(10, TimeUnit.SECONDS), "ior did not end on SIG" + signal);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);

            assertEquals(128 + (signal.equals("INT") ? 2 : 15), ior.exitValue(), lines.toString());
            // finishing the file (the last row group, the footer, the first use of the writer's
            // classes) takes longer than trace's 2 s bound (TraceIT) on a busy machine
            assertTrue(millis < 5000, "ior took " + millis + " ms to end");
            assertTrue(lines.stream().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")),
                    lines.toString());
            Matcher summary = SUMMARY.matcher(lines.stream().filter(l -> l.startsWith("ior: events=")).findFirst()
                    .orElse(""));
            assertTrue(summary.matches(), lines.toString());
            if (stage == Stage.LOADING) {
                assertTrue(lines.contains("ior: stopped while loading, before tracing started"), lines.toString());
                assertFalse(Files.exists(output), "nothing was traced: no recording is left");
            } else {
                long events = Long.parseLong(summary.group(1));
                assertEquals(Long.toString(events), DuckDb.value("SELECT count(*) FROM '" + output + "'"),
                        "a valid recording with every event counted");
                assertTrue(stage != Stage.RECORDING || events >= 150, "the workload's events: " + events);
            }
        } finally {
            ior.destroyForcibly();
        }
    }
}
