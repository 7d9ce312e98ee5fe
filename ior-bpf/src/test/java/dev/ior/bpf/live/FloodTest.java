package dev.ior.bpf.live;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.EventRecord;
import dev.ior.core.IorSession;
import dev.ior.core.SessionCounters;
import dev.ior.core.testing.IoHelper;
import dev.ior.core.testing.RequiresRoot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the workload outruns the consumer, ior drops in the kernel (the workload never
 * waits), counts every loss by cause, and recovers: each call issued is either
 * delivered or counted, and events after the flood are paired right.
 */
@RequiresRoot
class FloodTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aStalledConsumerLosesOnlyInTheKernelCountsEachLossAndPairsRightAfterwards(@TempDir Path dir)
            throws Exception {
        int calls = 50_000;
        Path file = dir.resolve("flood.dat");
        CountDownLatch released = new CountDownLatch(1);
        Collector collector = new Collector();
        try (IoHelper helper = IoHelper.start("flood", file.toString(), Integer.toString(calls));
             IorSession session = IorSession.builder().pid(helper.pid()).syscalls("pwrite64")
                     .ringBytes(64 << 10).withoutAnalysis().build()) {
            session.onEvent(e -> {
                awaitQuietly(released); // the first event stalls the consumer until the flood is over
                collector.accept(e);
            });
            session.startAsync();
            helper.go(); // the flood, into a ring of about 480 records nobody reads
            released.countDown();
            awaitDrained(session);
            SessionCounters counters = session.counters(); // the flood's losses, all counted by now
            helper.go(); // 100 more calls once the consumer reads again
            List<EventRecord> events = collector.until(e -> e.bytes() == 100, WAIT);

            List<EventRecord> flood = events.subList(0, events.size() - 100);
            List<EventRecord> after = events.subList(events.size() - 100, events.size());
            assertAll(
                    () -> assertEquals(calls, flood.size() + counters.lostRingFull(),
                            "every call of the flood is delivered or counted as lost (ring full)"),
                    () -> assertTrue(counters.lostRingFull() > calls / 2, "lost: " + counters.lostRingFull()),
                    () -> assertEquals(0, counters.lostNoSlot()),
                    () -> assertEquals(0, counters.lostUring()),
                    () -> assertEquals(counters.lostRingFull(), counters.lostKernel()),
                    () -> assertEquals(counters.lostKernel(), session.counters().lostKernel(),
                            "nothing lost after the flood"),
                    () -> assertTrue(flood.stream().allMatch(e -> e.bytes() == 1 && e.file().equals(file.toString())),
                            "the flood's delivered calls are whole"));
            for (int i = 0; i < after.size(); i++) {
                EventRecord e = after.get(i);
                int n = i + 1;
                assertAll(() -> assertEquals(n, e.bytes(), "bytes of call " + n + " after the flood"),
                        () -> assertEquals(file.toString(), e.file()),
                        () -> assertEquals(helper.pid(), e.tid()),
                        () -> assertTrue(e.latencyNs() > 0 && e.latencyNs() < 1_000_000_000L, "latency " + e));
                if (i > 0) {
                    EventRecord previous = after.get(i - 1);
                    assertEquals(e.timeNs() - (previous.timeNs() + previous.latencyNs()), e.gapNs(),
                            "the gap of call " + n + " after the flood");
                }
            }
            session.close();
            assertEquals(counters.lostRingFull(), session.counters().lostRingFull(),
                    "the counts outlive the maps they were read from (the summary and metadata are made after close)");
        }
    }

    @Test
    void ioUringRequestsBeyondTheInFlightTableAreCountedAndTheTableEmptiesAgain() throws Exception {
        int requests = 20_000; // the kernel side keeps 16 Ki in flight
        Collector collector = new Collector(e -> e.syscall().name().equals("io_uring:read"));
        try (IoHelper helper = IoHelper.start("uringflood", Integer.toString(requests));
             IorSession session = IorSession.builder().pid(helper.pid()).syscalls("io_uring:read")
                     .withoutAnalysis().build()) {
            session.onEvent(collector);
            session.startAsync();
            helper.go();
            assertEquals(requests, helper.fact("eof"), "every read completed at end of file");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (collector.events().size() + session.counters().lostUring() < requests
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            SessionCounters counters = session.counters();
            List<EventRecord> events = collector.events();

            assertAll(
                    () -> assertEquals(requests, events.size() + counters.lostUring(),
                            "every request is delivered or counted as lost (in-flight table full)"),
                    () -> assertTrue(counters.lostUring() >= requests - 16_384, "lost: " + counters.lostUring()),
                    () -> assertEquals(0, counters.lostRingFull()),
                    () -> assertTrue(events.stream().allMatch(e -> e.ret() == 0 && e.pid() == helper.pid())),
                    () -> assertEquals(0L, session.footprint().kernelMapEntries().get("ior_uring_inflight"),
                            "completed requests leave the in-flight table"));
        }
    }

    /** Waits until the consumer has read everything the ring holds. */
    private static void awaitDrained(IorSession session) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (session.counters().ringFill() > 0) {
            assertTrue(System.nanoTime() < deadline, "the consumer never caught up");
            Thread.sleep(10);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
