package dev.ior.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ior.core.EventRecord;
import dev.ior.core.IorSession;
import dev.ior.core.analysis.Snapshot;
import dev.ior.core.synthetic.SyntheticSource;
import dev.ior.core.syscall.SyscallTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-syscall report of {@code ior stats}: exact counts, bytes, latencies and both formats. */
class SyscallStatsReportTest {

    /**
     * Four reads of 100 bytes (1, 2, 3, 4 us), a failed openat (ENOENT, 50 us), two
     * sendfile64 calls moving 1000 bytes each (10 us, 30 us).
     */
    private static Snapshot snapshot() throws Exception {
        SyscallTable table = SyscallTable.builtIn();
        List<EventRecord> events = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            events.add(event(table, "read", i * 1_000L, 100, 0));
        }
        events.add(event(table, "openat", 50_000, -2, 2));
        events.add(event(table, "sendfile64", 10_000, 1000, 0));
        events.add(event(table, "sendfile64", 30_000, 1000, 0));
        try (IorSession session = IorSession.builder().source(SyntheticSource.of(events)).build()) {
            session.start();
            return session.snapshot();
        }
    }

    private static EventRecord event(SyscallTable table, String syscall, long latencyNs, long ret, int errno) {
        return new EventRecord(0, 1_000, 1_000, 0, latencyNs, "cat", 7, 7, table.byName(syscall).orElseThrow(), 3,
                ret, errno == 0 ? ret : 0, "/data", "", -1, false, errno, 0);
    }

    @Test
    void theTableSumsEachSyscallAndCountsATransfersBytesOnce() throws Exception {
        SyscallStatsReport report = SyscallStatsReport.of(snapshot(), SyscallStatsReport.Order.TIME);
        assertEquals(List.of("openat 1 1 0 50000", "sendfile64 2 0 2000 40000", "read 4 0 400 10000"),
                report.lines().stream().map(l -> l.syscall() + " " + l.calls() + " " + l.errors() + " " + l.bytes()
                        + " " + l.timeNs()).toList());
        SyscallStatsReport.Line total = report.total();
        assertEquals(List.of(7L, 1L, 2400L, 100_000L, 14_285L, 50_000L),
                List.of(total.calls(), total.errors(), total.bytes(), total.timeNs(), total.avgNs(), total.maxNs()));
        SyscallStatsReport.Line read = report.lines().get(2);
        assertEquals(List.of(2_500L, 4_000L), List.of(read.avgNs(), read.maxNs()));
        assertEquals(2_000, read.p50Ns(), 20, "median within 1 %");
    }

    @Test
    void rowsSortByTheChosenColumnTiesByName() throws Exception {
        Snapshot snapshot = snapshot();
        assertEquals(List.of("read", "sendfile64", "openat"), names(snapshot, SyscallStatsReport.Order.CALLS));
        assertEquals(List.of("sendfile64", "read", "openat"), names(snapshot, SyscallStatsReport.Order.BYTES));
        assertEquals(List.of("openat", "read", "sendfile64"), names(snapshot, SyscallStatsReport.Order.ERRORS));
        assertEquals(List.of("openat", "read", "sendfile64"), names(snapshot, SyscallStatsReport.Order.NAME));
    }

    @Test
    void theTextTableAlignsColumnsAndShowsTimesWithUnits() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyscallStatsReport.of(snapshot(), SyscallStatsReport.Order.CALLS).writeText(out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("syscall                   calls   errors          bytes       time        avg        p50        "
                + "p95        p99        max", lines.get(0));
        assertEquals("read                          4        0            400     10.0us     2.50us", lines.get(1)
                .substring(0, 77));
        assertEquals("total                         7        1           2400      100us     14.3us", lines.get(4)
                .substring(0, 77));
        assertEquals(5, lines.size());
    }

    @Test
    void theJsonHasOneObjectPerSyscallLineAndTheCounters() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyscallStatsReport.of(snapshot(), SyscallStatsReport.Order.ERRORS).writeJson(out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("{\"events\":7,\"lost_kernel\":0,\"dropped_user\":0,\"percentile_error\":0.01,\"syscalls\":[",
                lines.get(0));
        assertEquals("{\"syscall\":\"openat\",\"calls\":1,\"errors\":1,\"bytes\":0,\"time_ns\":50000,\"avg_ns\":50000,"
                + "\"p50_ns\":50000,\"p95_ns\":50000,\"p99_ns\":50000,\"max_ns\":50000},", lines.get(1));
        assertEquals(5, lines.size());
        assertEquals("],\"total\":{\"syscall\":\"total\",\"calls\":7,\"errors\":1,\"bytes\":2400,\"time_ns\":100000,",
                lines.get(4).substring(0, lines.get(4).indexOf("\"avg_ns\"")));
    }

    private static List<String> names(Snapshot snapshot, SyscallStatsReport.Order order) {
        return SyscallStatsReport.of(snapshot, order).lines().stream().map(SyscallStatsReport.Line::syscall).toList();
    }

    @Test
    void durationsKeepThreeSignificantDigits() {
        assertEquals(List.of("0ns", "999ns", "1.00us", "9.99us", "10.0us", "123us", "1.00ms", "45.7ms", "2.00s",
                "3600s"), List.of(SyscallStatsReport.duration(0), SyscallStatsReport.duration(999),
                SyscallStatsReport.duration(1_000), SyscallStatsReport.duration(9_990),
                SyscallStatsReport.duration(9_996), SyscallStatsReport.duration(123_400),
                SyscallStatsReport.duration(999_600), SyscallStatsReport.duration(45_678_000),
                SyscallStatsReport.duration(2_000_000_000L), SyscallStatsReport.duration(3_600_000_000_000L)));
    }
}
