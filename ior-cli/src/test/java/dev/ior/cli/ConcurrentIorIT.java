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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two ior instances at the same time both work: each sees the host, neither only itself. */
@RequiresRoot
@ExtendWith(NoBpfLeftovers.class)
class ConcurrentIorIT {

    @Test
    void twoTracesSideBySideBothSeeTheSameOpen(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("opened-once"), "x");
        Trace first = start();
        Trace second = start();
        Process cat = new ProcessBuilder("cat", file.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertEquals(0, cat.waitFor());
        for (Trace ior : List.of(first, second)) {
            List<String> rows = ior.stdout().lines().toList();
            assertTrue(ior.process().waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, ior.process().exitValue());
            assertEquals(1, rows.stream().filter(r -> r.contains(",cat," + cat.pid() + ",")
                    && r.contains(",openat,") && r.contains("," + file + ",")).count(), rows.toString());
        }
    }

    private record Trace(Process process, BufferedReader stdout) {
    }

    private static Trace start() throws Exception {
        Process ior = new ProcessBuilder(IorProcess.command("trace", "--syscalls", "openat", "--duration", "3"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(ior.getInputStream(), StandardCharsets.UTF_8));
        assertEquals(CsvEventWriter.HEADER, out.readLine(), "the header comes once the probes are attached");
        return new Trace(ior, out);
    }
}
