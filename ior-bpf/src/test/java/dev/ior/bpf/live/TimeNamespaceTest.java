package dev.ior.bpf.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeNamespaceTest {

    @Test
    void theBootClocksOffsetIsReadAndAbsentMeansNone(@TempDir Path dir) throws Exception {
        Path offsets = Files.writeString(dir.resolve("timens_offsets"),
                "monotonic           5         0\nboottime       100000       250\n");
        assertEquals(100_000_000_000_250L, TimeNamespace.boottimeOffsetNanos(offsets));
        assertEquals(0, TimeNamespace.boottimeOffsetNanos(dir.resolve("missing")));
    }
}
