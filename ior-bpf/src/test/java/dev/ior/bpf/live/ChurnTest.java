package dev.ior.bpf.live;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.EventRecord;
import dev.ior.core.Footprint;
import dev.ior.core.IorSession;
import dev.ior.core.SessionCounters;
import dev.ior.core.analysis.AnalysisSettings;
import dev.ior.core.analysis.Snapshot;
import dev.ior.core.testing.IoHelper;
import dev.ior.core.testing.RequiresRoot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of short-lived processes and threads: each one's events are attributed
 * right (its own fds, its own paths), and what ior keeps per process and per thread
 * goes with them, in the pipeline as in the aggregates.
 */
@RequiresRoot
class ChurnTest {

    private static final int PROCESSES = 2_000;
    private static final int THREADS = 1_000;
    private static final int MAX_PROCESSES = 200;
    private static final int MAX_KEYS = 20_000;

    @Test
    void aForkExecExitStormLeavesNoPerProcessOrPerThreadStateBehind(@TempDir Path dir) throws Exception {
        String prefix = dir + "/c-";
        Collector collector = new Collector(e -> e.file().startsWith(prefix)
                || (e.file().equals("/dev/null") && e.syscall().name().equals("write")));
        AnalysisSettings caps = AnalysisSettings.DEFAULT.withCaps(1_000, MAX_PROCESSES, MAX_KEYS);
        try (IoHelper helper = IoHelper.start("churn", dir.toString(), Integer.toString(PROCESSES),
                Integer.toString(THREADS));
             IorSession session = IorSession.builder().analysis(caps).build()) {
            session.onEvent(collector);
            session.startAsync();
            Footprint before = session.footprint();
            helper.go();
            assertEquals(PROCESSES, helper.fact("processes"));
            Thread.sleep(500); // the last exits reach the pipeline
            Snapshot snapshot = session.analysis().requestSnapshot().get();
            Footprint after = session.footprint();
            SessionCounters counters = session.counters();
            List<EventRecord> events = collector.events();

            assertEquals(0, counters.lostKernel(), "nothing lost, so every count below is exact");
            Set<Integer> writers = new HashSet<>();
            for (int i = 0; i < PROCESSES; i++) {
                writers.add(i);
            }
            for (EventRecord e : events) {
                if (e.syscall().name().equals("write") && e.file().startsWith(prefix)) {
                    String[] parts = e.file().substring(prefix.length()).split("-");
                    int child = Integer.parseInt(parts[0]);
                    assertTrue(writers.remove(child), "one write per child to its own file: " + e);
                    assertTrue(e.pid() != helper.pid() && e.pid() == e.tid(), "written by the child: " + e);
                }
            }
            assertEquals(Set.of(), writers, "children whose write was not seen on their own file");
            long helperThreads = events.stream().filter(e -> e.pid() == helper.pid() && e.file().equals("/dev/null"))
                    .map(EventRecord::tid).distinct().count();
            assertEquals(THREADS, helperThreads, "each thread's write, under its own tid");

            assertAll(
                    () -> assertTrue(after.processes() <= before.processes() + 100,
                            "fd tables held: " + before.processes() + " before, " + after.processes() + " after "
                                    + PROCESSES + " processes came and went"),
                    () -> assertTrue(snapshot.processes().rows().size() <= MAX_PROCESSES + 1,
                            "process rows: " + snapshot.processes().rows().size()),
                    () -> assertTrue(snapshot.health().evictedProcesses() >= PROCESSES - MAX_PROCESSES,
                            "processes merged into (other): " + snapshot.health().evictedProcesses()),
                    () -> assertTrue(snapshot.health().keys() <= MAX_KEYS, "keys: " + snapshot.health().keys()),
                    () -> assertEquals(0, counters.lostNoSlot(), "a per-thread slot for every new thread"),
                    () -> assertEquals(0L, after.kernelMapEntries().get("ior_pids")));
        }
    }
}
