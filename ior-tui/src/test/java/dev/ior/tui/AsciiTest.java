package dev.ior.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.synthetic.SyntheticSource;
import dev.ior.tui.render.Glyphs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a terminal whose locale is not UTF-8, the dashboard draws in ASCII. */
class AsciiTest {

    @TempDir
    Path dir;

    @Test
    void theLocaleDecidesTheGlyphs() {
        assertEquals(Glyphs.UNICODE, Glyphs.fromEnvironment(Map.of("LANG", "en_US.UTF-8")));
        assertEquals(Glyphs.UNICODE, Glyphs.fromEnvironment(Map.of("LC_ALL", "C.utf8", "LANG", "C")));
        assertEquals(Glyphs.ASCII, Glyphs.fromEnvironment(Map.of("LC_ALL", "C", "LANG", "en_US.UTF-8")),
                "LC_ALL first");
        assertEquals(Glyphs.ASCII, Glyphs.fromEnvironment(Map.of()));
    }

    @Test
    void everyTabDrawsInAsciiWithAsciiGlyphs() throws Exception {
        try (Harness h = Harness.builder(SyntheticSource.of(Events.workload()), dir).glyphs(Glyphs.ASCII).size(120, 30)
                .build()) {
            for (String tab : List.of("1", "2", "3", "4", "5", "6", "7")) {
                h.type(tab).type("k");
                for (String row : h.screen()) {
                    assertTrue(row.chars().allMatch(c -> c < 128), "tab " + tab + ": " + row);
                }
            }
            h.type("2");
            assertTrue(h.body().get(0).matches("events/s +@ now 10  peak 10"), h.body().get(0));
        }
    }
}
