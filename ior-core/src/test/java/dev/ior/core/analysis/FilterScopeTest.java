package dev.ior.core.analysis;

import static dev.ior.core.analysis.Events.*;
import static dev.ior.core.analysis.TablesTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.EventRecord;
import dev.ior.core.filter.FilterField;
import dev.ior.core.filter.FilterFrame;
import dev.ior.core.filter.FilterSyntaxException;
import dev.ior.core.stats.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterScopeTest {

    @Test
    void keyFramesNarrowEverythingCountedSoFarAndPopRestoresIt() {
        Feed feed = new Feed().send(TablesTest.workload());
        feed.analysis.push("comm~BASH");
        Snapshot bash = feed.snapshot();
        assertEquals("filter: comm~BASH", bash.filter().line());
        assertEquals(List.of("openat", "read", "close", "fsync", "write"),
                names(bash.syscalls().sorted(Column.COUNT, true)));
        assertEquals(3, bash.syscalls().row("read").orElseThrow().count());
        assertEquals(300, bash.syscalls().row("read").orElseThrow().bytesRead());
        assertEquals(5, bash.files().row("/etc/hosts").orElseThrow().count());
        assertEquals(List.of("10", "30"), names(bash.processes().sorted(Column.NAME, false)));
        assertEquals(9, bash.latency().count());
        assertEquals(15, bash.events());

        feed.analysis.push("syscall~open");
        Snapshot open = feed.snapshot();
        assertEquals("filter: comm~BASH > syscall~open", open.filter().line());
        assertEquals(List.of("/etc/missing", "/etc/hosts"), names(open.files().sorted(Column.COUNT, true)));
        assertEquals(2, open.files().row("/etc/missing").orElseThrow().errors());

        feed.analysis.pop();
        assertEquals(bash.syscalls(), feed.snapshot().syscalls());
        feed.analysis.pop();
        Snapshot all = feed.snapshot();
        assertEquals("filter: all", all.filter().line());
        assertEquals(15, all.syscalls().totalCount());
        assertEquals(0.01, all.syscalls().percentileError());
    }

    @Test
    void aFamilyFrameScopesEverythingToOneFamilyAndSyscallRowsNameTheirFamily() {
        Feed feed = new Feed().send(TablesTest.workload()).send(
                ev(5 * S, "curl", 40, 40, SENDTO, "socket:[9]", 20 * US, 0, 100),
                ev(6 * S, "curl", 40, 40, SENDTO, "socket:[9]", 30 * US, 0, 200),
                ev(7 * S, "curl", 40, 40, NANOSLEEP, "", 10 * MS, 0, 0));
        Snapshot all = feed.snapshot();
        assertEquals("Network", all.syscalls().row("sendto").orElseThrow().family());
        assertEquals("Time", all.syscalls().row("nanosleep").orElseThrow().family());
        assertEquals("FS", all.syscalls().row("read").orElseThrow().family());
        assertEquals("", all.files().row("socket:[9]").orElseThrow().family(), "only syscall rows have a family");

        feed.analysis.push("family=Network");
        Snapshot network = feed.snapshot();
        assertEquals(List.of("sendto"), names(network.syscalls().sorted(Column.NAME, false)));
        assertEquals(List.of("socket:[9]"), names(network.files().sorted(Column.NAME, false)));
        assertEquals(List.of("curl"), names(network.comms().sorted(Column.NAME, false)));
        assertEquals(300, network.syscalls().row("sendto").orElseThrow().bytesWritten());
        assertEquals(2, network.latency().count());
        feed.analysis.pop();

        feed.analysis.push("family!=FS");
        assertEquals(List.of("nanosleep", "sendto"), names(feed.snapshot().syscalls().sorted(Column.NAME, false)));
        feed.analysis.pop();
        feed.analysis.push("family~fs");
        assertEquals(15, feed.snapshot().syscalls().totalCount());
    }

    @Test
    void everyKeyFieldFilters() {
        Feed feed = new Feed().send(TablesTest.workload());
        for (String[] frameAndCount : new String[][] {{"pid=20", "6"}, {"tid=21", "2"}, {"pid!=20", "9"},
            {"pid>=30", "2"}, {"syscall=read", "4"}, {"file=/tmp/out", "6"}, {"path~TMP", "6"},
            {"file=~^/etc/(missing|shadow)$", "3"}, {"comm=cat", "6"}, {"comm!=cat", "9"}}) {
            feed.analysis.push(frameAndCount[0]);
            assertEquals(Long.parseLong(frameAndCount[1]), feed.snapshot().syscalls().totalCount(), frameAndCount[0]);
            feed.analysis.pop();
        }
    }

    @Test
    void valueFramesApplyFromTheirPushAndTheSnapshotSaysSince() {
        Feed feed = new Feed().send(TablesTest.workload());
        long pushedAt = S + 14;
        feed.analysis.push("latency>=10us");
        Snapshot right = feed.snapshot();
        assertEquals(0, right.syscalls().totalCount());
        assertEquals(pushedAt, right.filter().countsSinceNs());
        assertFalse(right.filter().applied().get(0).retroactive());
        assertEquals(pushedAt, right.filter().applied().get(0).sinceNs());

        feed.send(ev(2 * S, "cat", 20, 20, WRITE, "/tmp/out", 9 * US, 0, 1),
                ev(2 * S + 1, "cat", 20, 20, WRITE, "/tmp/out", 10 * US, 0, 2),
                ev(2 * S + 2, "bash", 10, 10, READ, "/etc/hosts", 3 * MS, 0, 3));
        Snapshot later = feed.snapshot();
        assertEquals(2, later.syscalls().totalCount());
        assertEquals(2, later.syscalls().row("write").orElseThrow().bytesWritten());
        assertEquals(1, later.syscalls().row("read").orElseThrow().count());
        assertEquals(2, later.latency().count());

        feed.analysis.pop();
        Snapshot popped = feed.finish();
        assertEquals(18, popped.syscalls().totalCount());
        assertEquals(S, popped.filter().countsSinceNs());
    }

    @Test
    void keyAndValueFramesCombineAndPopInEitherOrder() {
        Feed feed = new Feed().send(TablesTest.workload());
        feed.analysis.push("bytes>0");
        feed.analysis.push("comm=cat");
        feed.send(ev(2 * S, "cat", 20, 20, WRITE, "/tmp/out", US, 0, 1),
                ev(2 * S, "cat", 20, 20, CLOSE, "/tmp/out", US, 0, 0),
                ev(2 * S, "bash", 10, 10, WRITE, "/tmp/out", US, 0, 5));
        Snapshot both = feed.snapshot();
        assertEquals("filter: bytes>0 > comm=cat", both.filter().line());
        assertEquals(1, both.syscalls().totalCount());
        assertTrue(both.filter().applied().get(1).retroactive());
        feed.analysis.pop();
        assertEquals(2, feed.snapshot().syscalls().totalCount());
        feed.analysis.pop();
        assertEquals(18, feed.finish().syscalls().totalCount());
    }

    @Test
    void seriesCountFromTheLastPushOfAnyFrame() {
        Feed feed = new Feed().send(ev(5 * S, "a", 1, 1, READ, "/f", 1, 0, 1), ev(5 * S, "b", 2, 2, READ, "/f", 1, 0,
                1));
        feed.analysis.push("comm=a");
        feed.send(ev(6 * S, "a", 1, 1, READ, "/f", 1, 0, 1), ev(6 * S, "b", 2, 2, READ, "/f", 1, 0, 1));
        Snapshot s = feed.snapshot();
        assertEquals(5 * S, s.series().sinceNs());
        int last = s.series().seconds() - 1;
        assertEquals(1, s.series().events()[last]);
        assertEquals(0, s.series().events()[last - 1]);
        feed.analysis.pop();
        Snapshot all = feed.finish();
        assertEquals(2, all.series().events()[last]);
        assertEquals(2, all.series().events()[last - 1]);
    }

    @Test
    void pushingNarrowsTheStreamAtOnceAndPoppingWidensItWithWhatIsStillHeld() {
        Feed feed = new Feed(AnalysisSettings.DEFAULT.withStreamEvents(4));
        feed.send(ev(S, "a", 1, 1, READ, "/f", 1, 0, 1), ev(S, "a", 2, 2, READ, "/f", 1, 0, 1),
                ev(S, "a", 1, 1, READ, "/f", 1, 0, 1), ev(S, "b", 3, 3, READ, "/f", 1, 0, 1));
        assertEquals(List.of(1L, 2L, 3L, 4L), seqs(feed.snapshot().stream()));
        feed.analysis.push("comm=a");
        assertEquals(List.of(1L, 2L, 3L), seqs(feed.snapshot().stream()));
        feed.analysis.push("pid=1");
        assertEquals(List.of(1L, 3L), seqs(feed.snapshot().stream()));
        feed.send(ev(S, "b", 3, 3, READ, "/f", 1, 0, 1), ev(S, "b", 3, 3, READ, "/f", 1, 0, 1),
                ev(S, "a", 2, 2, READ, "/f", 1, 0, 1), ev(S, "b", 3, 3, READ, "/f", 1, 0, 1));
        assertEquals(List.of(1L, 3L), seqs(feed.snapshot().stream()));
        feed.analysis.pop(); // comm=a again: 1 and 3 are older than anything else held, 7 passes
        assertEquals(List.of(1L, 3L, 7L), seqs(feed.snapshot().stream()));
        feed.analysis.pop(); // all: the last four events
        assertEquals(List.of(5L, 6L, 7L, 8L), seqs(feed.finish().stream()));
    }

    @Test
    void theStreamTailIsTheLastMatchingEventsAndValueFramesFilterItToo() {
        Feed feed = new Feed(AnalysisSettings.DEFAULT.withStreamEvents(3));
        feed.analysis.push(FilterFrame.parse("latency>=10"));
        for (int i = 1; i <= 10; i++) {
            feed.send(ev(S + i, "a", 1, 1, READ, "/f", i * 2, 0, 1));
        }
        List<EventRecord> tail = feed.finish().stream();
        assertEquals(List.of(8L, 9L, 10L), seqs(tail));
        assertEquals(List.of(16L, 18L, 20L), tail.stream().map(EventRecord::latencyNs).toList());
        assertEquals("/f", tail.get(0).file());
        assertEquals("a", tail.get(0).comm());
    }

    @Test
    void aPushedCellValueIsAnExactFrame() {
        Feed feed = new Feed().send(TablesTest.workload());
        feed.analysis.push(FilterFrame.exact(FilterField.FILE, "/etc/hosts"));
        Snapshot s = feed.finish();
        assertEquals("filter: file=/etc/hosts", s.filter().line());
        assertEquals(6, s.syscalls().totalCount());
    }

    @Test
    void controlsWorkBeforeAndAfterFeedingAndBadTextFailsAtTheCaller() {
        Analysis analysis = new Analysis(AnalysisSettings.DEFAULT, () -> null);
        assertEquals("filter: comm~x", analysis.push("comm~x").text());
        assertEquals("filter: comm~x", analysis.snapshot().filter().line());
        assertEquals("filter: comm~x", analysis.filters().text());
        FilterSyntaxException bad = assertThrows(FilterSyntaxException.class, () -> analysis.push("comm>x"));
        assertEquals(5, bad.position());
        assertEquals("filter: comm~x", analysis.filters().text());
        analysis.clearFilters();
        assertEquals("filter: all", analysis.snapshot().filter().line());
        assertEquals("filter: all", analysis.pop().text());
    }

    private static List<Long> seqs(List<EventRecord> events) {
        return events.stream().map(EventRecord::seq).toList();
    }
}
