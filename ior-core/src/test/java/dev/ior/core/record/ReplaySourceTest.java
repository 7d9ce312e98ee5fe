package dev.ior.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.EventRecord;
import dev.ior.core.IorEvent;
import dev.ior.core.IorException;
import dev.ior.core.IorSession;
import dev.ior.core.analysis.Snapshot;
import dev.ior.core.stats.Row;
import dev.ior.core.stats.Table;
import dev.ior.core.synthetic.EventGenerator;
import dev.ior.core.synthetic.SyntheticSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording replayed into a session is the session that recorded it, for every table. */
class ReplaySourceTest {

    @Test
    void replayingARecordingReproducesTheLiveAggregationsExactly(@TempDir Path dir) {
        List<IorEvent> events = new EventGenerator(7, 6, 3, 25, 100_000).take(20_000);
        Path file = dir.resolve("live.parquet");
        ParquetRecorder recorder = ParquetRecorder.start(RecordingOptions.to(file, "h", Map.of()), Map::of);
        Snapshot live = run(IorSession.builder().source(SyntheticSource.of(events)), recorder);
        recorder.close();

        Snapshot replayed = run(IorSession.builder().source(new ReplaySource(file, ReplaySource.Pace.FAST)), null);

        assertEquals(20_000, live.events());
        assertEquals(live.events(), replayed.events());
        for (var table : List.<java.util.function.Function<Snapshot, Table>>of(Snapshot::syscalls, Snapshot::files,
                Snapshot::processes, Snapshot::comms)) {
            assertEquals(rows(table.apply(live)), rows(table.apply(replayed)));
        }
        assertEquals(live.latency(), replayed.latency());
        assertEquals(live.latencyBySyscall(), replayed.latencyBySyscall());
    }

    @Test
    void aDirectoryOfRecordingsReplaysMergedInTimeOrderThroughTheKernelFilters(@TempDir Path dir) {
        var read = dev.ior.core.syscall.SyscallTable.builtIn().byName("read").orElseThrow();
        for (String host : List.of("a", "b")) {
            ParquetRecorder recorder = ParquetRecorder.start(
                    new RecordingOptions(dir, true, 0, null, host, Map.of()), Map::of);
            for (int i = 0; i < 5; i++) {
                long wall = 1_000_000L * (2 * i + (host.equals("a") ? 0 : 1)); // a and b interleave
                recorder.accept(new EventRecord(i + 1, wall, wall, 0, 100 + i, "proc-" + host,
                        host.equals("a") ? 10 : 20, 1, read, 3, 1, 1, "/f", "", -1, false, 0, 0));
            }
            recorder.close();
        }
        List<String> seen = new ArrayList<>();
        IorSession session = IorSession.builder().source(new ReplaySource(dir, ReplaySource.Pace.FAST))
                .withoutAnalysis().build();
        session.onEvent(e -> seen.add(e.comm() + ":" + e.wallTimeNs() / 1_000_000));
        session.start();
        assertEquals(List.of("proc-a:0", "proc-b:1", "proc-a:2", "proc-b:3", "proc-a:4", "proc-b:5", "proc-a:6",
                "proc-b:7", "proc-a:8", "proc-b:9"), seen);

        List<String> onlyB = new ArrayList<>();
        IorSession filtered = IorSession.builder().source(new ReplaySource(dir, ReplaySource.Pace.FAST))
                .pid(20).minLatency(java.time.Duration.ofNanos(102)).withoutAnalysis().build();
        filtered.onEvent(e -> onlyB.add(e.comm() + ":" + e.latencyNs()));
        filtered.start();
        assertEquals(List.of("proc-b:102", "proc-b:103", "proc-b:104"), onlyB);
        assertEquals(2, filtered.counters().filteredKernel(), "b's two faster calls");
    }

    @Test
    void lossesOfARotatedSessionCountOnceAndThoseOfSessionsAddUp(@TempDir Path dir) {
        var read = dev.ior.core.syscall.SyscallTable.builtIn().byName("read").orElseThrow();
        // each file's footer counts its session's losses up to its end: cumulative
        record(dir.resolve("a-1.parquet"), "a", "100", read, Map.of(RecordingMetadata.LOST_KERNEL, "5",
                RecordingMetadata.LOST_RING_FULL, "5", RecordingMetadata.LOST_NO_SLOT, "0",
                RecordingMetadata.LOST_URING_FULL, "0"));
        record(dir.resolve("a-2.parquet"), "a", "100", read, Map.of(RecordingMetadata.LOST_KERNEL, "9",
                RecordingMetadata.LOST_RING_FULL, "7", RecordingMetadata.LOST_NO_SLOT, "2",
                RecordingMetadata.LOST_URING_FULL, "0"));
        record(dir.resolve("b-1.parquet"), "b", "200", read, Map.of(RecordingMetadata.LOST_KERNEL, "3")); // older: no causes

        IorSession session = IorSession.builder().source(new ReplaySource(dir, ReplaySource.Pace.FAST))
                .withoutAnalysis().build();
        session.start();
        assertEquals(7 + 3, session.counters().lostRingFull(), "a's latest count, plus b's (all taken as ring full)");
        assertEquals(2, session.counters().lostNoSlot());
        assertEquals(12, session.counters().lostKernel());
    }

    private static void record(Path file, String host, String startedAt, dev.ior.core.syscall.Syscall syscall,
                               Map<String, String> counts) {
        ParquetRecorder recorder = ParquetRecorder.start(RecordingOptions.to(file, host,
                Map.of(RecordingMetadata.STARTED_AT, startedAt)), () -> counts);
        recorder.accept(new EventRecord(1, 1, 1, 0, 100, "p", 10, 10, syscall, 3, 1, 1, "/f", "", -1, false, 0, 0));
        recorder.close();
    }

    @Test
    void aDirectoryWithoutRecordingsIsAUsageError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "x");
        IorSession session = IorSession.builder().source(new ReplaySource(dir, ReplaySource.Pace.FAST)).build();
        IorException e = assertThrows(IorException.class, session::start);
        assertEquals("no recordings (*.parquet) under " + dir, e.getMessage());
        assertEquals(IorException.USAGE_ERROR, e.exitCode());
    }

    private static Snapshot run(IorSession.Builder builder, ParquetRecorder recorder) {
        try (IorSession session = builder.build()) {
            if (recorder != null) {
                session.onEvent(recorder);
            }
            session.start();
            assertTrue(session.failure() == null);
            return session.snapshot();
        }
    }

    /** A row's figures, without the rate (a function of when the events were read). */
    private static List<String> rows(Table table) {
        return table.rows().stream().map((Row r) -> String.join(" ", r.name(), r.comm(), "" + r.count(),
                "" + r.totalLatencyNs(), "" + r.p50(), "" + r.p95(), "" + r.p99(), "" + r.maxLatencyNs(),
                "" + r.bytesRead(), "" + r.bytesWritten(), "" + r.errors(), r.errnos().toString())).sorted().toList();
    }
}
