package dev.ior.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.analysis.AnalysisSettings;
import dev.ior.core.analysis.Snapshot;
import dev.ior.core.flame.FlameMetric;
import dev.ior.core.stats.Column;
import dev.ior.core.stats.Table;
import dev.ior.core.synthetic.EventGenerator;
import dev.ior.core.synthetic.SyntheticSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionAnalysisTest {

    @Test
    void aSyntheticSessionAggregatesEveryEventAndEndsWithTheFinalSnapshot() throws Exception {
        List<IorEvent> events = new EventGenerator(1, 4, 2, 50, 10_000).take(5_000);
        AtomicLong seen = new AtomicLong();
        try (IorSession session = IorSession.builder().source(SyntheticSource.of(events)).build()) {
            session.onEvent(e -> seen.incrementAndGet());
            session.start();
            Snapshot s = session.snapshot();
            assertEquals(5_000, s.events());
            assertEquals(5_000, seen.get());
            assertEquals(5_000, s.syscalls().totalCount());
            assertEquals(5_000, s.flame().total(FlameMetric.COUNT));
            assertEquals(events.get(4_999).timeNs(), s.timeNs());
            assertEquals(5_000, s.stream().get(s.stream().size() - 1).seq());
            assertEquals(events.stream().filter(IorEvent::isError).count(),
                    s.syscalls().rows().stream().mapToLong(r -> r.errors()).sum());
            assertEquals("ior: events=5000 lost_kernel=0 dropped_user=0", session.counters().summaryLine());
        }
    }

    @Test
    void kernelSideFiltersApplyToSyntheticEvents() throws Exception {
        List<IorEvent> events = new EventGenerator(1, 4, 2, 50, 10_000).take(5_000);
        try (IorSession session = IorSession.builder().source(SyntheticSource.of(events)).pid(1002)
                .minLatency(Duration.ofNanos(2_000)).build()) {
            session.start();
            long expected = events.stream().filter(e -> e.pid() == 1002 && e.latencyNs() >= 2_000).count();
            assertEquals(expected, session.snapshot().events());
            assertEquals(List.of("1002"), session.snapshot().processes().rows().stream().map(r -> r.name()).toList());
        }
    }

    @Test
    void aFramePushedByAListenerAppliesFromTheNextEvent() throws Exception {
        List<IorEvent> events = new EventGenerator(2, 4, 2, 50, 10_000).take(1_000);
        try (IorSession session = IorSession.builder().source(SyntheticSource.of(events)).build()) {
            session.onEvent(e -> {
                if (e.seq() == 600) {
                    session.analysis().push("latency>=5us");
                }
            });
            session.start();
            long expected = events.subList(600, 1_000).stream().filter(e -> e.latencyNs() >= 5_000).count();
            Snapshot s = session.snapshot();
            assertEquals(expected, s.syscalls().totalCount());
            assertEquals(events.get(599).timeNs(), s.filter().countsSinceNs());
            assertEquals("filter: latency>=5us", s.filter().line());
        }
    }

    @Test
    void filteredEventActionsSeeWhatPassesTheStack() throws Exception {
        List<IorEvent> events = new EventGenerator(3, 4, 2, 50, 10_000).take(2_000);
        List<EventRecord> passed = new ArrayList<>();
        try (IorSession session = IorSession.builder().source(SyntheticSource.of(events)).build()) {
            session.analysis().push("comm=nginx");
            session.analysis().push("bytes>=2048");
            session.onFilteredEvent(e -> passed.add(e.copy()));
            session.start();
        }
        List<IorEvent> expected = events.stream().filter(e -> e.comm().equals("nginx") && e.bytes() >= 2048).toList();
        assertEquals(expected.size(), passed.size());
        assertTrue(!passed.isEmpty());
        for (int i = 0; i < passed.size(); i++) {
            assertEquals(expected.get(i).timeNs(), passed.get(i).timeNs());
        }
    }

    @Test
    void withoutAnalysisThereIsNoSnapshot() {
        IorSession session = IorSession.builder().source(SyntheticSource.of(List.of())).withoutAnalysis().build();
        assertThrows(IllegalStateException.class, session::snapshot);
    }

    @Test
    void snapshotsStayConsistentWhileThePipelineRunsOnAnotherThread() throws Exception {
        long total = 2_000_000;
        try (IorSession session = IorSession.builder()
                .source(SyntheticSource.generated(EventGenerator.demo(), total))
                .analysis(AnalysisSettings.DEFAULT.withPublishInterval(Duration.ofMillis(5)).withStreamEvents(500))
                .build()) {
            session.startAsync();
            List<Snapshot> seen = new ArrayList<>();
            int round = 0;
            while (!session.awaitTermination(Duration.ofMillis(1))) {
                switch (round++ % 6) {
                    case 1 -> session.analysis().push("comm=postgres");
                    case 3 -> session.analysis().push("latency>=2us");
                    case 4, 5 -> session.analysis().pop();
                    default -> { }
                }
                Snapshot s = round % 2 == 0 ? session.snapshot() : session.analysis().requestSnapshot().get();
                seen.add(s);
                assertConsistent(s);
            }
            Snapshot last = session.snapshot();
            assertEquals(total, last.events());
            assertTrue(seen.size() > 10, "snapshots taken: " + seen.size());
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i).events() >= seen.get(i - 1).events(), "events never go back");
            }
        }
    }

    /** Every view of one snapshot adds up to the same events. */
    private static void assertConsistent(Snapshot s) {
        Table syscalls = s.syscalls();
        long count = syscalls.totalCount();
        assertEquals(count, s.files().totalCount(), s.filter().line());
        assertEquals(count, s.processes().totalCount(), s.filter().line());
        assertEquals(count, s.comms().totalCount(), s.filter().line());
        assertEquals(count, s.latency().count(), s.filter().line());
        assertEquals(count, s.flame().total(FlameMetric.COUNT), s.filter().line());
        if (s.filter().stack().isEmpty()) {
            assertEquals(s.events(), count);
        } else {
            assertTrue(count <= s.events());
        }
        if (s.filter().line().contains("comm=postgres")) {
            assertTrue(s.comms().rows().stream().allMatch(r -> r.name().equals("postgres")), s.filter().line());
            assertTrue(s.stream().stream().allMatch(e -> e.comm().equals("postgres")), s.filter().line());
        }
        assertTrue(s.stream().size() <= 500);
        if (!s.stream().isEmpty()) {
            assertTrue(s.stream().get(s.stream().size() - 1).seq() <= s.events());
        }
        assertTrue(syscalls.sorted(Column.P99, true).stream().allMatch(r -> r.p99() <= r.maxLatencyNs()));
    }
}
