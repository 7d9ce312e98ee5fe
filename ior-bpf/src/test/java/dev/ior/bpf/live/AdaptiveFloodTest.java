package dev.ior.bpf.live;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.EventRecord;
import dev.ior.core.IorSession;
import dev.ior.core.SessionCounters;
import dev.ior.core.SyscallSampling;
import dev.ior.core.testing.IoHelper;
import dev.ior.core.testing.RequiresRoot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With adaptive narrowing on, a flood that keeps overflowing the ring makes the session
 * count the hottest syscall in the kernel only: its losses stop, it says so once, and the
 * kernel's totals account for every call the workload made.
 */
@RequiresRoot
class AdaptiveFloodTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int FLOOD_SECONDS = 7;
    private static final int AFTER_CALLS = 200;
    private static final Pattern WARNING = Pattern.compile("losing events \\((\\d+) lost in the last 3 s\\): counting "
            + "pwrite64 in the kernel only from now on \\(exact totals stay in the summary\\)");

    /** Ring-full losses as the reading thread saw them at each flush. */
    private record Sample(long timeNs, long lost) {
    }

    @Test
    void aPersistentFloodGetsItsHottestSyscallCountedInTheKernelOnlyAndTheLossesStop(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("flood.dat");
        Path after = dir.resolve("after.dat");
        Collector collector = new Collector();
        List<Sample> samples = new CopyOnWriteArrayList<>();
        long[] warnedAtNs = new long[1];
        boolean[] slow = {true};
        try (IoHelper helper = IoHelper.start("narrowflood", file.toString(), after.toString(),
                Integer.toString(FLOOD_SECONDS));
             IorSession session = IorSession.builder().pid(helper.pid()).syscalls("pwrite64", "pread64")
                     .ringBytes(64 << 10).adaptive(true).withoutAnalysis().build()) {
            session.onEvent(e -> {
                if (slow[0]) {
                    LockSupport.parkNanos(50_000); // a consumer of some 10 k events/s: the flood outruns it
                }
                collector.accept(e);
            });
            session.onFlush(() -> samples.add(new Sample(System.nanoTime(), session.counters().lostRingFull())));
            session.onWarning(w -> warnedAtNs[0] = System.nanoTime());
            session.startAsync();
            helper.go(); // 500 pwrite64 for each pread64, for seven seconds
            long floodEndNs = System.nanoTime();
            long pwrites = helper.fact("pwrites");
            long preads = helper.fact("preads");
            awaitDrained(session);
            slow[0] = false;
            long countedAtFloodEnd = pwrite64(session).calls();
            SessionCounters atFloodEnd = session.counters();
            helper.go(); // after.dat opened, then 200 × (pwrite64, pread64) a millisecond apart
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (countOf(collector.events(), after, "pread64") < AFTER_CALLS && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            SessionCounters counters = session.counters();
            SyscallSampling pwrite64 = pwrite64(session);
            List<EventRecord> events = collector.events();
            long settledNs = warnedAtNs[0] + Duration.ofSeconds(1).toNanos(); // the settling window
            List<Sample> afterSettling = samples.stream()
                    .filter(s -> s.timeNs() >= settledNs && s.timeNs() <= floodEndNs).toList();

            System.out.printf("adaptive flood: pwrites=%d preads=%d events=%d lost_ring_full=%d "
                            + "pwrite64 counted in the kernel=%d warning after %.1f s: %s%n", pwrites, preads,
                    events.size(), counters.lostRingFull(), pwrite64.calls(),
                    (warnedAtNs[0] - (floodEndNs - Duration.ofSeconds(FLOOD_SECONDS).toNanos())) / 1e9,
                    session.warnings());
            assertAll(
                    () -> assertEquals(1, session.warnings().size(), "one step: " + session.warnings()),
                    () -> assertTrue(WARNING.matcher(session.warnings().getFirst()).matches(),
                            session.warnings().getFirst()),
                    () -> assertEquals("pwrite64=0", session.sampling().describe()),
                    () -> assertEquals(0, pwrite64.rate()),
                    () -> assertTrue(counters.lostRingFull() > 0, "the flood overflowed the ring"),
                    () -> assertEquals(counters.lostRingFull(), counters.lostKernel()),
                    () -> assertTrue(settledNs + Duration.ofSeconds(1).toNanos() < floodEndNs,
                            "narrowed with more than a second of flood left after settling"),
                    () -> assertTrue(afterSettling.size() >= 2, "flushes while the narrowed flood went on"),
                    () -> assertTrue(afterSettling.stream().allMatch(s -> s.lost() == counters.lostRingFull()),
                            "nothing lost once pwrite64 was counted only: " + afterSettling + " vs "
                                    + counters.lostRingFull()),
                    () -> assertEquals(pwrites + preads + 2L * AFTER_CALLS,
                            events.size() + counters.lostRingFull() + pwrite64.calls(),
                            "every call is an event, lost (counted), or a pwrite64 counted in the kernel"),
                    () -> assertTrue(events.stream().allMatch(e -> e.pid() == helper.pid()
                            && (e.syscall().name().equals("pwrite64") || e.syscall().name().equals("pread64")))),
                    () -> assertEquals(AFTER_CALLS, pwrite64.calls() - countedAtFloodEnd,
                            "the kernel counted every pwrite64 made after the flood"),
                    () -> assertEquals(0, countOf(events, after, "pwrite64"), "none of them became an event"),
                    () -> assertEquals(AFTER_CALLS, countOf(events, after, "pread64"),
                            "the preads go on, their fd named by the openat the kernel still emits"),
                    () -> assertEquals(atFloodEnd.lostRingFull(), counters.lostRingFull()));
        }
    }

    private static long countOf(List<EventRecord> events, Path file, String syscall) {
        return events.stream().filter(e -> e.file().equals(file.toString()) && e.syscall().name().equals(syscall))
                .count();
    }

    private static SyscallSampling pwrite64(IorSession session) {
        return session.samplingTotals().stream().filter(s -> s.syscall().name().equals("pwrite64")).findFirst()
                .orElseThrow(() -> new AssertionError("pwrite64 is not sampled: " + session.samplingTotals()));
    }

    /** Waits until the consumer has read everything the ring holds. */
    private static void awaitDrained(IorSession session) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (session.counters().ringFill() > 0) {
            assertTrue(System.nanoTime() < deadline, "the consumer never caught up");
            Thread.sleep(10);
        }
    }
}
