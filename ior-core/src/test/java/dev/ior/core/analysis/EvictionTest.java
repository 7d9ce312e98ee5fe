package dev.ior.core.analysis;

import static dev.ior.core.analysis.Events.*;
import static dev.ior.core.analysis.TablesTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.flame.FlameMetric;
import dev.ior.core.flame.FlameOrder;
import dev.ior.core.stats.Column;
import dev.ior.core.stats.Row;
import org.junit.jupiter.api.Test;

class EvictionTest {

    private static Feed feed(int files, int processes, int keys) {
        return new Feed(AnalysisSettings.DEFAULT.withCaps(files, processes, keys));
    }

    @Test
    void leastRecentlySeenFilesMergeIntoOtherWithACounter() {
        Feed feed = feed(3, 100, 1000).send(
                ev(S, "a", 1, 1, READ, "/a", US, 0, 1),
                ev(S, "a", 1, 1, READ, "/b", US, 0, 2),
                ev(S, "a", 1, 1, READ, "/b", US, 0, 2),
                ev(S, "a", 1, 1, READ, "/c", US, 0, 4),
                ev(S, "a", 1, 1, READ, "/a", US, 0, 1),
                ev(S, "a", 1, 1, READ, "/d", US, 0, 8)); // a fourth file: /b and /c are the least recent
        Snapshot s = feed.snapshot();
        assertEquals(java.util.List.of("(other)", "/a", "/d"), names(s.files().sorted(Column.NAME, false)));
        Row other = s.files().row(Row.OTHER).orElseThrow();
        assertTrue(other.other());
        assertEquals(3, other.count());
        assertEquals(8, other.bytesRead());
        assertFalse(s.files().row("/a").orElseThrow().other());
        assertEquals(2, s.health().evictedFiles());
        assertEquals(6, s.syscalls().totalCount());
        assertEquals(6, s.processes().row("1").orElseThrow().count());

        Snapshot again = feed.send(ev(S, "a", 1, 1, READ, "/b", US, 0, 2)).finish();
        assertEquals(1, again.files().row("/b").orElseThrow().count()); // a new row from now on
        assertEquals(3, again.files().row(Row.OTHER).orElseThrow().count());
        assertEquals(7, again.flame().total(FlameMetric.COUNT));
        assertEquals(3, again.flame().tree(FlameOrder.PRESETS.get(1), FlameMetric.COUNT, false).child(Row.OTHER)
                .value());
    }

    @Test
    void exitedProcessesAreEvictedFirstThenTheLeastRecent() {
        Feed feed = feed(100, 3, 1000).send(
                ev(S, "one", 1, 1, READ, "/f", US, 0, 1),
                ev(S, "two", 2, 2, READ, "/f", US, 0, 1),
                ev(S, "three", 3, 30, READ, "/f", US, 0, 1),
                ev(S, "three", 3, 31, READ, "/f", US, 0, 1));
        feed.exit(3);
        Snapshot s = feed.send(ev(S, "four", 4, 4, READ, "/f", US, 0, 1)).finish();
        assertEquals(java.util.List.of("(other)", "2", "4"), names(s.processes().sorted(Column.NAME, false)));
        Row other = s.processes().row(Row.OTHER).orElseThrow();
        assertEquals(3, other.count());
        assertEquals("", other.comm());
        assertEquals(2, s.health().evictedProcesses());
        assertEquals(2, s.comms().row("three").orElseThrow().count()); // comms are kept
        assertEquals("all=5{(other)=3{read=3{/f=3}},2=1{read=1{/f=1}},4=1{read=1{/f=1}}}",
                FlameModelTest.render(s.flame().tree(FlameOrder.PRESETS.get(3), FlameMetric.COUNT, false)));
    }

    @Test
    void tooManyKeysMergeTheLargerDimensionUntilWellBelowTheCap() {
        Feed feed = feed(100, 100, 4);
        for (int i = 1; i <= 5; i++) {
            feed.send(ev(S + i, "a", 1, 1, READ, "/p" + i, US, 0, i));
        }
        Snapshot s = feed.finish();
        assertEquals(java.util.List.of("(other)", "/p4", "/p5"), names(s.files().sorted(Column.NAME, false)));
        assertEquals(1 + 2 + 3, s.files().row(Row.OTHER).orElseThrow().bytesRead());
        assertEquals(3, s.health().keys());
        assertEquals(3, s.health().evictedFiles());
        assertEquals(5, s.syscalls().totalCount());
    }

    @Test
    void aFrameOnAnEvictedDimensionDoesNotMatchTheOtherRow() {
        Feed feed = feed(1, 100, 1000).send(ev(S, "a", 1, 1, READ, "/a", US, 0, 1),
                ev(S, "a", 1, 1, READ, "/b", US, 0, 1));
        feed.analysis.push("file!=/x");
        Snapshot s = feed.finish();
        assertEquals(java.util.List.of("/b"), names(s.files().rows()));
    }
}
