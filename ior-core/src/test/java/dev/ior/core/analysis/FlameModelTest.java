package dev.ior.core.analysis;

import static dev.ior.core.analysis.Events.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.EventRecord;
import dev.ior.core.flame.FlameGraph;
import dev.ior.core.flame.FlameMetric;
import dev.ior.core.flame.FlameNode;
import dev.ior.core.flame.FlameOrder;
import dev.ior.core.flame.FlameTotals;
import dev.ior.core.flame.PauseMode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FlameModelTest {

    static List<EventRecord> workload() {
        return List.of(
                ev(S, "bash", 10, 10, READ, "/etc/hosts", US, 0, 100),
                ev(S, "bash", 10, 10, READ, "/etc/hosts", US, 0, 100),
                ev(S, "bash", 10, 10, READ, "/etc/hosts", US, 0, 100),
                ev(S, "bash", 10, 10, OPENAT, "/etc/hosts", US, 0, 3),
                ev(S, "bash", 11, 11, WRITE, "/tmp/a", US, 0, 10),
                ev(S, "bash", 11, 11, WRITE, "/tmp/a", US, 0, 10),
                ev(S, "cat", 20, 20, READ, "/etc/hosts", US, 0, 50),
                ev(S, "cat", 20, 20, READ, "/usr/lib/libc.so", US, 0, 1000),
                ev(S, "cat", 20, 20, READ, "/usr/lib/libc.so", US, 0, 1000),
                ev(S, "cat", 20, 21, FSYNC, "", US, 0, 0));
    }

    /** A tree as text: label=width{children}. */
    static String render(FlameNode node) {
        return node.label() + "=" + node.value() + (node.children().isEmpty() ? ""
                : node.children().stream().map(FlameModelTest::render).collect(Collectors.joining(",", "{", "}")));
    }

    private static String tree(FlameGraph flame, FlameOrder order, FlameMetric metric) {
        return render(flame.tree(order, metric, false));
    }

    @Test
    void theFivePresetsCountEvents() {
        FlameGraph flame = new Feed().send(workload()).finish().flame();
        List<String> expected = List.of(
                "all=10{bash=6{openat=1{/etc/hosts=1},read=3{/etc/hosts=3},write=2{/tmp/a=2}},"
                        + "cat=4{fsync=1,read=3{/etc/hosts=1,/usr/lib/libc.so=2}}}",
                "all=10{/etc/hosts=5{openat=1{bash=1},read=4{bash=3,cat=1}},/tmp/a=2{write=2{bash=2}},"
                        + "/usr/lib/libc.so=2{read=2{cat=2}},fsync=1{cat=1}}",
                "all=10{fsync=1{cat=1},openat=1{bash=1{/etc/hosts=1}},"
                        + "read=6{bash=3{/etc/hosts=3},cat=3{/etc/hosts=1,/usr/lib/libc.so=2}},write=2{bash=2{/tmp/a=2}}}",
                "all=10{10=4{openat=1{/etc/hosts=1},read=3{/etc/hosts=3}},11=2{write=2{/tmp/a=2}},"
                        + "20=4{fsync=1,read=3{/etc/hosts=1,/usr/lib/libc.so=2}}}",
                "all=10{bash=6{/etc/hosts=4{openat=1,read=3},/tmp/a=2{write=2}},"
                        + "cat=4{/etc/hosts=1{read=1},/usr/lib/libc.so=2{read=2},fsync=1}}");
        for (int i = 0; i < FlameOrder.PRESETS.size(); i++) {
            assertEquals(expected.get(i), tree(flame, FlameOrder.PRESETS.get(i), FlameMetric.COUNT),
                    FlameOrder.PRESETS.get(i).label());
        }
        assertEquals(10, flame.total(FlameMetric.COUNT));
    }

    @Test
    void aFramesTotalsGiveItsEventsAndBytesWhicheverMetricTheBarsMeasure() {
        FlameGraph flame = new Feed().send(workload()).finish().flame();
        assertEquals(new FlameTotals(10, 2370), flame.totals(FlameOrder.DEFAULT, false, List.of()));
        assertEquals(new FlameTotals(4, 2050), flame.totals(FlameOrder.DEFAULT, false, List.of("cat")));
        assertEquals(new FlameTotals(2, 2000),
                flame.totals(FlameOrder.DEFAULT, false, List.of("cat", "read", "/usr/lib/libc.so")));
        assertEquals(new FlameTotals(1, 0), flame.totals(FlameOrder.PRESETS.get(1), false, List.of("fsync")));
        assertEquals(new FlameTotals(2, 2000), flame.totals(FlameOrder.DEFAULT, true,
                List.of("cat", "read", "/usr", "/lib")));
        assertEquals(new FlameTotals(0, 0), flame.totals(FlameOrder.DEFAULT, false, List.of("cat", "write")));
    }

    @Test
    void theFivePresetsMeasureBytesLeavingOutFramesWithoutAny() {
        FlameGraph flame = new Feed().send(workload()).finish().flame();
        List<String> expected = List.of(
                "all=2370{bash=320{read=300{/etc/hosts=300},write=20{/tmp/a=20}},"
                        + "cat=2050{read=2050{/etc/hosts=50,/usr/lib/libc.so=2000}}}",
                "all=2370{/etc/hosts=350{read=350{bash=300,cat=50}},/tmp/a=20{write=20{bash=20}},"
                        + "/usr/lib/libc.so=2000{read=2000{cat=2000}}}",
                "all=2370{read=2350{bash=300{/etc/hosts=300},cat=2050{/etc/hosts=50,/usr/lib/libc.so=2000}},"
                        + "write=20{bash=20{/tmp/a=20}}}",
                "all=2370{10=300{read=300{/etc/hosts=300}},11=20{write=20{/tmp/a=20}},"
                        + "20=2050{read=2050{/etc/hosts=50,/usr/lib/libc.so=2000}}}",
                "all=2370{bash=320{/etc/hosts=300{read=300},/tmp/a=20{write=20}},"
                        + "cat=2050{/etc/hosts=50{read=50},/usr/lib/libc.so=2000{read=2000}}}");
        for (int i = 0; i < FlameOrder.PRESETS.size(); i++) {
            assertEquals(expected.get(i), tree(flame, FlameOrder.PRESETS.get(i), FlameMetric.BYTES),
                    FlameOrder.PRESETS.get(i).label());
        }
    }

    @Test
    void pathsSplitIntoDirectoryFrames() {
        FlameGraph flame = new Feed().send(workload()).finish().flame();
        assertEquals("all=10{bash=6{openat=1{/etc=1{/hosts=1}},read=3{/etc=3{/hosts=3}},write=2{/tmp=2{/a=2}}},"
                + "cat=4{fsync=1,read=3{/etc=1{/hosts=1},/usr=2{/lib=2{/libc.so=2}}}}}",
                render(flame.tree(FlameOrder.DEFAULT, FlameMetric.COUNT, true)));
        FlameNode fsync = flame.tree(FlameOrder.DEFAULT, FlameMetric.COUNT, true).child("cat").child("fsync");
        assertEquals(1, fsync.self()); // no file: the stack ends at the syscall
    }

    @Test
    void anyOrderOfAnyDimensionsIncludingThreads() {
        FlameGraph flame = new Feed().send(workload()).finish().flame();
        assertEquals("all=10{bash=6{10=4{openat=1,read=3},11=2{write=2}},cat=4{20=3{read=3},21=1{fsync=1}}}",
                tree(flame, FlameOrder.parse("comm,tid,tracepoint"), FlameMetric.COUNT));
        assertEquals("all=10{bash=6,cat=4}", tree(flame, FlameOrder.parse("comm"), FlameMetric.COUNT));
    }

    @Test
    void oCyclesThePresetsInTheOriginalsOrder() {
        List<String> labels = List.of("comm/syscall/path", "path/syscall/comm", "syscall/comm/path",
                "pid/syscall/path", "comm/path/syscall", "comm/syscall/path");
        FlameOrder order = FlameOrder.DEFAULT;
        for (String label : labels) {
            assertEquals(label, order.label());
            order = order.next();
        }
        assertEquals(FlameOrder.DEFAULT, FlameOrder.parse("comm,tid").next());
        assertEquals(FlameMetric.BYTES, FlameMetric.COUNT.next());
        assertEquals(FlameMetric.COUNT, FlameMetric.BYTES.next());
    }

    @Test
    void resetForgetsTheFlamegraphsPastButNotTheTables() {
        Feed feed = new Feed().send(workload());
        feed.analysis.resetFlame();
        feed.send(ev(2 * S, "dd", 30, 30, WRITE, "/dev/null", US, 0, 512));
        Snapshot s = feed.finish();
        assertEquals("all=1{dd=1{write=1{/dev/null=1}}}", tree(s.flame(), FlameOrder.DEFAULT, FlameMetric.COUNT));
        assertEquals(S, s.flame().baselineNs());
        assertEquals(11, s.syscalls().totalCount());
    }

    @Test
    void pauseKeepingCountFreezesThePictureUntilResumed() {
        Feed feed = new Feed().send(workload());
        feed.analysis.pauseFlame(PauseMode.KEEP_COUNTING);
        Snapshot paused = feed.send(ev(2 * S, "dd", 30, 30, WRITE, "/dev/null", US, 0, 512)).snapshot();
        assertTrue(paused.flame().paused());
        assertEquals(PauseMode.KEEP_COUNTING, paused.flame().pauseMode());
        assertEquals(10, paused.flame().total(FlameMetric.COUNT));
        assertEquals(11, paused.syscalls().totalCount());
        assertSame(paused.flame(), feed.snapshot().flame());
        feed.analysis.resumeFlame();
        Snapshot resumed = feed.finish();
        assertFalse(resumed.flame().paused());
        assertNull(resumed.flame().pauseMode());
        assertEquals(11, resumed.flame().total(FlameMetric.COUNT));
    }

    @Test
    void pauseStoppingCountLeavesThePausesEventsOut() {
        Feed feed = new Feed().send(workload());
        feed.analysis.pauseFlame(PauseMode.STOP_COUNTING);
        feed.send(ev(2 * S, "dd", 30, 30, WRITE, "/dev/null", US, 0, 512));
        assertEquals(PauseMode.STOP_COUNTING, feed.snapshot().flame().pauseMode());
        feed.analysis.resumeFlame();
        feed.send(ev(3 * S, "dd", 30, 30, READ, "/dev/zero", US, 0, 512));
        Snapshot s = feed.finish();
        assertEquals(11, s.flame().total(FlameMetric.COUNT));
        assertEquals(12, s.syscalls().totalCount());
        assertEquals(null, s.flame().tree(FlameOrder.DEFAULT, FlameMetric.COUNT, false).child("dd").child("write"));
    }

    @Test
    void filtersNarrowTheFlamegraphKeyFramesRetroactively() {
        Feed feed = new Feed().send(workload());
        feed.analysis.push("comm=cat");
        assertEquals("all=4{cat=4{fsync=1,read=3{/etc/hosts=1,/usr/lib/libc.so=2}}}",
                tree(feed.snapshot().flame(), FlameOrder.DEFAULT, FlameMetric.COUNT));
        feed.analysis.push("bytes>=100");
        assertEquals("all=0", tree(feed.snapshot().flame(), FlameOrder.DEFAULT, FlameMetric.COUNT));
        feed.send(ev(2 * S, "cat", 20, 20, READ, "/etc/hosts", US, 0, 200),
                ev(2 * S, "bash", 10, 10, READ, "/etc/hosts", US, 0, 200));
        assertEquals("all=1{cat=1{read=1{/etc/hosts=1}}}",
                tree(feed.snapshot().flame(), FlameOrder.DEFAULT, FlameMetric.COUNT));
        feed.analysis.pop();
        assertEquals("all=5{cat=5{fsync=1,read=4{/etc/hosts=2,/usr/lib/libc.so=2}}}",
                tree(feed.finish().flame(), FlameOrder.DEFAULT, FlameMetric.COUNT));
    }
}
