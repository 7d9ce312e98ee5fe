package dev.ior.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.analysis.AnalysisSettings;
import dev.ior.core.analysis.Snapshot;
import dev.ior.core.source.EventSink;
import dev.ior.core.stats.Row;
import dev.ior.core.syscall.SyscallTable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A session that sees far more distinct paths than it keeps: the interned strings stay
 * bounded, while every path still shown (table rows, the stream tail, filter decisions)
 * keeps its right name.
 */
class BoundedMemoryTest {

    private static final int EVENTS = 300_000;
    private static final int HOT_EVERY = 50;
    private static final int HOT_PATHS = 8;

    /**
     * Event n: every {@value #HOT_EVERY}th goes to one of a few hot files, the others each
     * to a path of its own, alternately under /x/ and /y/.
     */
    private static String path(long n) {
        if (n % HOT_EVERY == 0) {
            return "/hot/" + (n / HOT_EVERY) % HOT_PATHS;
        }
        return (n % 2 == 0 ? "/x/" : "/y/") + n;
    }

    /** Delivers event 1..count as they are made: no list of a million strings in the test. */
    private static final class UniquePaths extends ScriptedSource {
        private final long count;

        UniquePaths(long count) {
            this.count = count;
        }

        @Override
        public void run(EventSink sink) {
            var read = SyscallTable.builtIn().byName("read").orElseThrow();
            for (long n = 1; n <= count; n++) {
                sink.onEvent(new EventRecord(0, n * 1_000, n * 1_000, 0, 500, "worker", 1000 + (int) (n % 4),
                        1000 + (int) (n % 4), read, 3, 1, 1, path(n), "", -1, false, 0, 0));
            }
        }

    }

    @Test
    void internedPathsStayBoundedAndEveryPathShownKeepsItsName() {
        AnalysisSettings caps = AnalysisSettings.DEFAULT.withCaps(1_000, 100, 5_000).withStreamEvents(200);
        try (IorSession session = IorSession.builder().source(new UniquePaths(EVENTS)).analysis(caps).build()) {
            session.start();

            Footprint footprint = session.footprint();
            assertTrue(footprint.collections() >= 2, "collections: " + footprint.collections());
            assertTrue(footprint.paths() < 140_000, "paths interned: " + footprint.paths() + " of " + EVENTS);

            Snapshot s = session.snapshot();
            Map<String, Long> files = s.files().rows().stream().filter(r -> !r.other())
                    .collect(Collectors.toMap(Row::name, Row::count));
            for (int hot = 0; hot < HOT_PATHS; hot++) {
                int h = hot;
                long expected = LongStream.rangeClosed(1, EVENTS)
                        .filter(n -> n % HOT_EVERY == 0 && (n / HOT_EVERY) % HOT_PATHS == h).count();
                assertEquals(expected, files.get("/hot/" + hot), "hot file " + hot);
            }
            for (var row : files.entrySet()) {
                assertTrue(row.getKey().startsWith("/hot/") || row.getValue() == 1,
                        "a unique path counted once under its own name: " + row);
            }
            assertEquals(EVENTS, s.files().totalCount(), "nothing lost into a wrong row");

            List<EventRecord> tail = s.stream();
            assertEquals(200, tail.size());
            for (EventRecord e : tail) {
                assertEquals(path(e.timeNs() / 1_000), e.file(), "the stream names each event's own path");
            }
        }
    }

    @Test
    void aFileFrameDecidesRightAfterTheIdsItDecidedOnWereFreed() {
        AnalysisSettings caps = AnalysisSettings.DEFAULT.withCaps(1_000, 100, 5_000).withStreamEvents(300);
        try (IorSession session = IorSession.builder().source(new UniquePaths(EVENTS)).analysis(caps).build()) {
            session.analysis().push("file~/x/");
            session.start();

            assertTrue(session.footprint().collections() >= 2);
            List<EventRecord> tail = session.snapshot().stream();
            assertEquals(300, tail.size());
            long last = EVENTS;
            for (int i = tail.size() - 1; i >= 0; i--) {
                while (!path(last).startsWith("/x/")) {
                    last--;
                }
                assertEquals(path(last), tail.get(i).file(), "the passing events, newest last");
                last--;
            }
        }
    }
}
