package dev.ior.bpf.live;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.bpf.live.Scenario.Run;
import dev.ior.core.EventRecord;
import dev.ior.core.IorSession;
import dev.ior.core.KernelFilter;
import dev.ior.core.testing.IoHelper;
import dev.ior.core.testing.RequiresRoot;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filters and the probe set work in the kernel and change while a session runs. */
@RequiresRoot
class KernelFilterTest {

    @Test
    void aCommFilterDropsOtherProcessesCallsInTheKernel(@TempDir Path tmp) throws Exception {
        Path dir = tmp.toRealPath();
        Collector collector = new Collector();
        try (IoHelper other = IoHelper.start("named", "ior-cf-other", "300", dir.resolve("other").toString());
             IoHelper wanted = IoHelper.start("named", "ior-cf-wanted", "20", dir.resolve("wanted").toString());
             IorSession session = IorSession.builder().comm("ior-cf-wanted").syscalls("write", "faccessat").build()) {
            session.onEvent(collector);
            session.startAsync();
            long rejectedBefore = session.counters().rejectedKernel();
            other.go();
            wanted.go();
            List<EventRecord> events = collector.until(e -> e.file().equals(Scenario.END), Scenario.WAIT);
            long rejected = session.counters().rejectedKernel() - rejectedBefore;

            assertTrue(events.stream().allMatch(e -> e.comm().equals("ior-cf-wanted") && e.pid() == wanted.pid()),
                    "only the wanted process: " + events.stream().limit(5).toList());
            assertEquals(20, events.stream().filter(e -> e.fd() == wanted.fact("fd")).count());
            assertTrue(rejected >= 300, "the other process's 300 writes were rejected in the kernel: " + rejected);
            assertEquals(0, session.counters().lostKernel());
        }
    }

    @Test
    void theProbeSetChangesWhileTheSessionRuns(@TempDir Path tmp) throws Exception {
        Run run = Scenario.byPid("phases",
                (session, collector) -> session.setSyscalls(Set.of("pwrite*", "faccessat")),
                tmp.toRealPath().resolve("phases").toString());
        long fd = run.fact("fd");
        assertAll(() -> assertEquals(5, run.calls("write").stream().filter(e -> e.fd() == fd).count(),
                        "the writes before the change only"),
                () -> assertEquals(5, run.calls("pwrite64").size(), "the pwrites after it"));
    }

    @Test
    void theProcessFilterChangesWhileTheSessionRuns(@TempDir Path tmp) throws Exception {
        Collector collector = new Collector();
        try (IoHelper helper = IoHelper.start("phases", tmp.toRealPath().resolve("phases").toString());
             IorSession session = IorSession.builder().comm("nobody-has-this").build()) {
            session.onEvent(collector);
            session.startAsync();
            helper.go(); // five writes, rejected
            session.setFilter(KernelFilter.NONE.withPids(Set.of(helper.pid())));
            helper.go(); // five writes and five pwrites, traced
            List<EventRecord> events = collector.until(e -> e.file().equals(Scenario.END), Scenario.WAIT);
            long fd = helper.fact("fd");
            assertAll(() -> assertEquals(5, events.stream().filter(e -> e.fd() == fd
                            && e.syscall().name().equals("write")).count(), "the writes after the change only"),
                    () -> assertEquals(5, events.stream().filter(e -> e.syscall().name().equals("pwrite64")).count()),
                    () -> assertTrue(events.stream().allMatch(e -> e.pid() == helper.pid())));
        }
    }
}
