package dev.ior.core.analysis;

import static dev.ior.core.analysis.Events.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.EventRecord;
import dev.ior.core.stats.Column;
import dev.ior.core.stats.LogBuckets;
import dev.ior.core.stats.Row;
import dev.ior.core.stats.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TablesTest {

    /** Three processes: bash 10 reads and opens, cat 20 (two threads) writes, bash 30 syncs. */
    static List<EventRecord> workload() {
        return List.of(
                ev(S, "bash", 10, 10, READ, "/etc/hosts", 1 * US, 0, 100),
                ev(S + 1, "bash", 10, 10, READ, "/etc/hosts", 2 * US, 10 * US, 100),
                ev(S + 2, "bash", 10, 10, READ, "/etc/hosts", 3 * US, 10 * US, 100),
                ev(S + 3, "bash", 10, 10, OPENAT, "/etc/missing", 5 * US, 10 * US, -2),
                ev(S + 4, "bash", 10, 10, OPENAT, "/etc/missing", 5 * US, 10 * US, -2),
                ev(S + 5, "bash", 10, 10, OPENAT, "/etc/hosts", 4 * US, 10 * US, 3),
                ev(S + 6, "bash", 10, 10, CLOSE, "/etc/hosts", 500, 10 * US, 0),
                ev(S + 7, "cat", 20, 20, WRITE, "/tmp/out", 10 * US, 0, 4096),
                ev(S + 8, "cat", 20, 21, WRITE, "/tmp/out", 10 * US, 0, 4096),
                ev(S + 9, "cat", 20, 20, WRITE, "/tmp/out", 10 * US, 5 * US, 4096),
                ev(S + 10, "cat", 20, 21, WRITE, "/tmp/out", 10 * US, 5 * US, 4096),
                ev(S + 11, "cat", 20, 20, READ, "/etc/hosts", 8 * US, 5 * US, 50),
                ev(S + 12, "cat", 20, 20, OPENAT, "/etc/shadow", 6 * US, 5 * US, -13),
                ev(S + 13, "bash", 30, 30, FSYNC, "/tmp/out", 2 * MS, 0, 0),
                ev(S + 14, "bash", 30, 30, WRITE, "/tmp/out", 20 * US, 1 * MS, 10));
    }

    @Test
    void syscallRowsAddUpCountsBytesErrorsAndLatency() {
        Table syscalls = new Feed().send(workload()).finish().syscalls();
        assertEquals(List.of("write", "openat", "read", "close", "fsync"), names(syscalls.sorted(Column.COUNT, true)));
        assertEquals(List.of("close", "fsync", "openat", "read", "write"),
                names(syscalls.sorted(Column.COUNT, false)));
        Row read = syscalls.row("read").orElseThrow();
        assertEquals(4, read.count());
        assertEquals(350, read.bytesRead());
        assertEquals(0, read.bytesWritten());
        assertEquals(14 * US, read.totalLatencyNs());
        assertEquals(3_500, read.avgLatencyNs());
        assertEquals(8 * US, read.maxLatencyNs());
        assertEquals(0, read.errors());
        Row write = syscalls.row("write").orElseThrow();
        assertEquals(5, write.count());
        assertEquals(4 * 4096 + 10, write.bytesWritten());
        assertEquals(20 * US, write.maxLatencyNs());
        Row openat = syscalls.row("openat").orElseThrow();
        assertEquals(4, openat.count());
        assertEquals(3, openat.errors());
        assertEquals(List.of(new Row.ErrnoCount("ENOENT", 2), new Row.ErrnoCount("EACCES", 1)), openat.errnos());
        assertEquals("ENOENT", openat.topErrno());
        assertEquals(1, syscalls.row("fsync").orElseThrow().count());
        assertEquals(15, syscalls.totalCount());
    }

    @Test
    void fileRowsKeyByPath() {
        Table files = new Feed().send(workload()).finish().files();
        assertEquals(List.of("/etc/hosts", "/tmp/out", "/etc/missing", "/etc/shadow"),
                names(files.sorted(Column.COUNT, true)));
        Row hosts = files.row("/etc/hosts").orElseThrow();
        assertEquals(6, hosts.count());
        assertEquals(350, hosts.bytesRead());
        assertEquals(0, hosts.errors());
        Row out = files.row("/tmp/out").orElseThrow();
        assertEquals(6, out.count());
        assertEquals(4 * 4096 + 10, out.bytesWritten());
        assertEquals(2 * MS, out.maxLatencyNs());
        assertEquals("ENOENT", files.row("/etc/missing").orElseThrow().topErrno());
        assertEquals(2, files.row("/etc/missing").orElseThrow().errors());
        assertEquals(LogBuckets.RELATIVE_ERROR, files.percentileError());
    }

    @Test
    void processRowsKeyByPidWithTheirCommAndCommRowsByName() {
        var snapshot = new Feed().send(workload()).finish();
        Table processes = snapshot.processes();
        assertEquals(List.of("10", "20", "30"), names(processes.sorted(Column.NAME, false)));
        assertEquals(7, processes.row("10").orElseThrow().count());
        assertEquals("bash", processes.row("10").orElseThrow().comm());
        assertEquals(6, processes.row("20").orElseThrow().count());
        assertEquals("cat", processes.row("20").orElseThrow().comm());
        assertEquals(2, processes.row("30").orElseThrow().count());
        Table comms = snapshot.comms();
        assertEquals(9, comms.row("bash").orElseThrow().count());
        assertEquals(6, comms.row("cat").orElseThrow().count());
        assertEquals(2, comms.rows().size());
    }

    @Test
    void aProcessRowShowsItsCommAfterExec() {
        var processes = new Feed().send(ev(S, "sh", 7, 7, READ, "/bin/x", US, 0, 1),
                ev(S + 1, "grep", 7, 7, READ, "/etc/x", US, 0, 1)).finish().processes();
        assertEquals(1, processes.rows().size());
        assertEquals("grep", processes.row("7").orElseThrow().comm());
    }

    @Test
    void sortsByEveryColumnEitherWay() {
        Table syscalls = new Feed().send(workload()).finish().syscalls();
        assertEquals(List.of("fsync", "write", "read", "openat", "close"), names(syscalls.sorted(Column.MAX, true)));
        assertEquals(List.of("close", "openat", "read", "write", "fsync"), names(syscalls.sorted(Column.MAX, false)));
        assertEquals("write", syscalls.sorted(Column.BYTES_WRITTEN, true).get(0).name());
        assertEquals("read", syscalls.sorted(Column.BYTES_READ, true).get(0).name());
        assertEquals("openat", syscalls.sorted(Column.ERRORS, true).get(0).name());
        assertEquals("fsync", syscalls.sorted(Column.AVG, true).get(0).name());
        assertEquals("fsync", syscalls.sorted(Column.P99, true).get(0).name());
        assertEquals("fsync", syscalls.sorted(Column.TOTAL, true).get(0).name());
        assertEquals(List.of("close", "fsync", "openat", "read", "write"), names(syscalls.sorted(Column.NAME, false)));
        // ties break by name: read and openat have 4 events each
        assertEquals(List.of("close", "fsync", "openat", "read", "write"), names(syscalls.sorted(Column.COUNT, false)));
    }

    @Test
    void ratesAreEventsPerSecondOverTheLastSecond() {
        List<EventRecord> events = new ArrayList<>();
        for (long t : new long[] {10_200 * MS, 10_210 * MS, 10_220 * MS, 10_900 * MS, 10_950 * MS,
            11_100 * MS, 11_200 * MS, 11_300 * MS, 11_500 * MS}) {
            events.add(ev(t, "dd", 5, 5, READ, "/dev/zero", US, 0, 1));
        }
        var snapshot = new Feed().send(events).finish();
        // clock at 11.5 s: the 4 events of second 11 plus half the 5 of second 10
        assertEquals(6.5, snapshot.syscalls().row("read").orElseThrow().ratePerSecond(), 1e-9);
        assertEquals(6.5, snapshot.files().row("/dev/zero").orElseThrow().ratePerSecond(), 1e-9);
        assertEquals(6.5, snapshot.health().eventsPerSecond(), 1e-9);
        assertEquals(11_500 * MS, snapshot.timeNs());
    }

    @Test
    void percentilesMatchAReferenceComputation() {
        SplittableRandom random = new SplittableRandom(3);
        List<EventRecord> events = new ArrayList<>();
        long[] latencies = new long[2_000];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = random.nextLong(100, 1L << random.nextInt(8, 30));
            events.add(ev(S + i, "db", 1, 1, READ, "/data/" + (i % 2), latencies[i], 0, 8));
        }
        Feed feed = new Feed().send(events);
        Row exact = feed.finish().syscalls().row("read").orElseThrow();
        Row compact = feed.analysis.snapshot().comms().row("db").orElseThrow();
        for (double p : new double[] {50, 95, 99}) {
            long reference = nearestRank(latencies, p);
            long hdr = p == 50 ? exact.p50() : p == 95 ? exact.p95() : exact.p99();
            long log = p == 50 ? compact.p50() : p == 95 ? compact.p95() : compact.p99();
            assertTrue(hdr >= reference && hdr <= reference * 1.01, "HdrHistogram p" + p + " " + hdr + " vs "
                    + reference);
            assertTrue(Math.abs(log - reference) <= reference * LogBuckets.RELATIVE_ERROR, "compact p" + p + " "
                    + log + " vs " + reference);
        }
        assertEquals(Arrays.stream(latencies).max().orElseThrow(), exact.maxLatencyNs());
        assertEquals(Arrays.stream(latencies).sum(), exact.totalLatencyNs());
    }

    @Test
    void filesRollUpToTheirParentsAnyLevelUp() {
        Feed feed = new Feed().send(
                ev(S, "a", 1, 1, READ, "/var/lib/a/x", 1 * US, 0, 10),
                ev(S, "a", 1, 1, READ, "/var/lib/a/y", 3 * US, 0, 20),
                ev(S, "a", 1, 1, OPENAT, "/var/lib/a/y", 2 * US, 0, -2),
                ev(S, "a", 1, 1, WRITE, "/var/lib/b/z", 100 * US, 0, 5),
                ev(S, "a", 1, 1, READ, "/etc/hosts", 7 * US, 0, 1),
                ev(S, "a", 1, 1, READ, "pipe:[123]", 1 * US, 0, 1),
                ev(S, "a", 1, 1, FSYNC, "", 1 * US, 0, 0));
        var snapshot = feed.finish();
        Table one = snapshot.directories(1);
        assertEquals(List.of("", "/etc", "/var/lib/a", "/var/lib/b", "pipe:[123]"),
                names(one.sorted(Column.NAME, false)));
        Row a = one.row("/var/lib/a").orElseThrow();
        assertEquals(3, a.count());
        assertEquals(30, a.bytesRead());
        assertEquals(1, a.errors());
        assertEquals("ENOENT", a.topErrno());
        assertEquals(6 * US, a.totalLatencyNs());
        assertEquals(3 * US, a.maxLatencyNs());
        assertEquals(3 * US, a.p99());
        Table two = snapshot.directories(2);
        assertEquals(List.of("", "/", "/var/lib", "pipe:[123]"), names(two.sorted(Column.NAME, false)));
        assertEquals(4, two.row("/var/lib").orElseThrow().count());
        assertEquals(1, two.row("/").orElseThrow().count());
        Table all = snapshot.directories(99);
        assertEquals(5, all.row("/").orElseThrow().count());
        assertEquals(7, all.totalCount());
        assertEquals(snapshot.files(), snapshot.directories(0));
    }

    @Test
    void rowsStayRightFromOnePublicationToTheNext() {
        List<EventRecord> more = List.of(
                ev(2 * S, "cat", 20, 20, WRITE, "/tmp/out", 50 * US, 0, 7),
                ev(2 * S + 1, "cat", 20, 20, READ, "/new", 1 * US, 0, 3),
                ev(2 * S + 2, "bash", 30, 30, OPENAT, "/etc/missing", 9 * MS, 0, -2));
        Feed stepwise = new Feed().send(workload());
        stepwise.snapshot();
        stepwise.send(more.subList(0, 1));
        stepwise.snapshot();
        stepwise.send(more.subList(1, 3));
        Snapshot incremental = stepwise.finish();
        List<EventRecord> all = new ArrayList<>(workload());
        all.addAll(more);
        Snapshot once = new Feed().send(all).finish();
        assertEquals(once.syscalls(), incremental.syscalls());
        assertEquals(once.files(), incremental.files());
        assertEquals(once.processes(), incremental.processes());
        assertEquals(once.comms(), incremental.comms());
        assertEquals(once.latency(), incremental.latency());
        assertEquals(7, incremental.files().row("/tmp/out").orElseThrow().count());
        assertEquals(3, incremental.files().row("/etc/missing").orElseThrow().count());
        assertEquals(9 * MS, incremental.files().row("/etc/missing").orElseThrow().p99());
    }

    static List<String> names(List<Row> rows) {
        return rows.stream().map(Row::name).toList();
    }

    static long nearestRank(long[] values, double percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.max(1, Math.ceil(percentile / 100 * sorted.length)) - 1];
    }
}
