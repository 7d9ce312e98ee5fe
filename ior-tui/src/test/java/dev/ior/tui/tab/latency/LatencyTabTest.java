package dev.ior.tui.tab.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import dev.ior.tui.Events;
import dev.ior.tui.Harness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tab 6 over {@link Events#workload()}: latencies 7 × 1 us, 2 × 100 us, 1 × 2 ms. */
class LatencyTabTest {

    @TempDir
    Path dir;

    @Test
    void latencyAndGapHistogramsSideBySideWithThePercentilesMarked() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("6");
            List<String> body = h.body();
            assertTrue(body.get(0).matches("SYSCALL +LATENCY all  n=10 +GAP all  n=6"), body.get(0));
            assertTrue(body.get(1).matches("all +p50 1\\.00us  p95 2\\.00ms  p99 2\\.00ms  max 2\\.00ms +"
                    + "p50 5\\.02us  p95 20\\.0us  p99 20\\.0us  max 20\\.0us"), body.get(1));
            // label, bar, count, marks; one row per octave from the fastest to the slowest with calls
            List<String> latency = body.subList(2, 14).stream().map(r -> columns(r, 16, 106)).toList();
            assertEquals(List.of("512ns", "1.02us", "2.04us", "4.09us", "8.19us", "16.3us", "32.7us", "65.5us",
                    "131us", "262us", "524us", "1.04ms"), latency.stream().map(r -> r.split(" ")[0]).toList());
            int full = bars(latency.get(0));
            assertTrue(latency.get(0).endsWith("█ 7 p50"), latency.get(0));
            assertTrue(latency.get(7).endsWith("█ 2"), latency.get(7));
            assertTrue(latency.get(11).endsWith("█ 1 p95 p99"), latency.get(11));
            assertEquals(Math.round(full * 2 / 7.0), bars(latency.get(7)), "bars as long as their counts");
            assertEquals(Math.round(full / 7.0), bars(latency.get(11)));
            assertEquals("1.02us", latency.get(1), "an octave without calls has no bar");
            List<String> gap = body.subList(2, 5).stream().map(r -> columns(r, 106, r.length())).toList();
            assertTrue(gap.get(0).matches("4\\.09us █+ 5 p50"), gap.get(0));
            assertEquals("8.19us", gap.get(1));
            assertTrue(gap.get(2).matches("16\\.3us █+ 1 p95 p99"), gap.get(2));
        }
    }

    private static String columns(String row, int from, int to) {
        return row.length() <= from ? "" : row.substring(from, Math.min(to, row.length())).strip();
    }

    private static int bars(String row) {
        return (int) row.chars().filter(c -> c == '█').count();
    }

    @Test
    void jkChooseASyscallAndEnterFiltersByIt() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("6j");
            assertTrue(h.row(1).startsWith("j/k:syscall(read)"), h.row(1));
            assertTrue(h.body().get(0).matches("SYSCALL +LATENCY read  n=6 +GAP read  n=4"), h.body().get(0));
            h.press(KeyType.ArrowDown);
            assertTrue(h.body().get(0).matches("SYSCALL +LATENCY write  n=2 +GAP write  n=1"), h.body().get(0));
            h.type("k").press(KeyType.Enter);
            assertTrue(h.row(47).startsWith("filter: syscall=read "), h.row(47));
            h.type("kk").press(KeyType.Enter);
            assertEquals("choose a syscall with j/k to filter by it", h.row(49));
        }
    }

    @Test
    void theHeatmapShadesEachSecondsLatencies() throws Exception {
        try (Harness h = Harness.of(Events.workload(), dir)) {
            h.type("6");
            List<String> body = h.body();
            int title = 0;
            while (!body.get(title).contains("LATENCY HEATMAP")) {
                title++;
            }
            // one second of events, the newest column; rows from the slowest octave with calls down
            List<String> rows = body.subList(title + 1, title + 13);
            int newest = rows.get(0).length() - 1;
            assertEquals(List.of("1.04ms ▃", "524us", "262us", "131us", "65.5us ▅", "32.7us", "16.3us", "8.19us",
                    "4.09us", "2.04us", "1.02us", "512ns █"), rows.stream().map(r -> r.strip().replaceAll(" +", " "))
                    .toList(), "shades on a log scale: 1, 2 and 7 calls");
            assertTrue(rows.stream().allMatch(r -> r.length() <= newest + 1));
            assertTrue(body.get(title + 13).matches(" +-120s +now"), body.get(title + 13));
        }
    }
}
