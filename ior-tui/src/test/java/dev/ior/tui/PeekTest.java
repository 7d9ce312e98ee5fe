package dev.ior.tui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

class PeekTest {
    @TempDir Path dir;
    @Test
    void peek() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("6");
            System.out.println(h.text());
        }
    }
}
