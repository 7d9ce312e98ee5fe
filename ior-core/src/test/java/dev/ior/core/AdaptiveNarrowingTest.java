package dev.ior.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decisions of adaptive narrowing on a made-up clock and loss counter: which syscall
 * is counted in the kernel only, after which window, and when nothing is.
 */
class AdaptiveNarrowingTest {

    private static final long SECOND = 1_000_000_000L;

    private AdaptiveNarrowing narrowing;
    private Sampling sampling;
    private long now;
    private long lost;
    /** What each closed window decided, in order: a syscall's name, or "-" for nothing. */
    private final List<String> decisions = new ArrayList<>();
    private final List<AdaptiveNarrowing.Step> steps = new ArrayList<>();

    @BeforeEach
    void startAtTheFirstTick() {
        narrowing = new AdaptiveNarrowing(Adaptive.ON, SyscallTable.builtIn());
        sampling = Sampling.EVERY_CALL;
        assertNull(narrowing.tick(now, lost, sampling), "the first tick opens the first window");
    }

    private static Syscall syscall(String name) {
        return SyscallTable.builtIn().all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * One second of events ({@code name=count}) and losses, delivered over ten ticks of
     * 100 ms like the session's flushes; the step, if any, is applied as the session would.
     */
    private void window(long losses, Map<String, Integer> events) {
        String decision = "-";
        for (int tick = 1; tick <= 10; tick++) {
            events.forEach((name, count) -> {
                for (int i = 0; i < count / 10; i++) {
                    narrowing.count(syscall(name));
                }
            });
            lost += losses / 10;
            now += SECOND / 10;
            AdaptiveNarrowing.Step step = narrowing.tick(now, lost, sampling);
            if (step != null) {
                assertEquals("-", decision, "one step per window at most");
                decision = step.syscall().name();
                steps.add(step);
                sampling = sampling.with(decision, 0);
            }
        }
        decisions.add(decision);
    }

    private String decisions() {
        return decisions.stream().collect(Collectors.joining(" "));
    }

    @Test
    void theHottestSyscallIsNarrowedAfterThreeLossySecondsThenOneMorePerLossySecondAfterASettlingOne() {
        window(100, Map.of("read", 5000, "write", 2000, "pread64", 1000));
        window(200, Map.of("read", 5000, "write", 2000, "pread64", 1000));
        window(300, Map.of("read", 5000, "write", 2000, "pread64", 1000)); // third in a row: read goes
        window(50, Map.of("write", 2000, "pread64", 1000));  // settling: what the ring held before the step
        window(40, Map.of("write", 2000, "pread64", 1000));  // still losing: the next hottest goes
        window(10, Map.of("pread64", 1000));                 // settling
        window(0, Map.of("pread64", 1000));                  // no loss: nothing more
        window(0, Map.of("pread64", 1000));

        assertEquals("- - read - write - - -", decisions());
        assertEquals(0, sampling.rateOf(syscall("read")));
        assertEquals(0, sampling.rateOf(syscall("write")));
        assertEquals(1, sampling.rateOf(syscall("pread64")));
        assertEquals("losing events (600 lost in the last 3 s): counting read in the kernel only from now on "
                + "(exact totals stay in the summary)", steps.get(0).warning());
        assertEquals("losing events (390 lost in the last 3 s): counting write in the kernel only from now on "
                + "(exact totals stay in the summary)", steps.get(1).warning());
    }

    @Test
    void aSecondWithoutLossesStartsTheCountAgain() {
        Map<String, Integer> busy = Map.of("read", 5000);
        window(100, busy);
        window(100, busy);
        window(0, busy);
        window(100, busy);
        window(100, busy);
        assertEquals("- - - - -", decisions(), "never three lossy seconds in a row");
        window(100, busy);
        assertEquals("- - - - - read", decisions());
    }

    @Test
    void callsThatChangeFdTablesIoUringOperationsAndCountedOnlySyscallsAreNeverNarrowed() {
        sampling = sampling.with("pwrite64", 0);
        Map<String, Integer> events = Map.of("openat", 9000, "close", 8000, "io_uring:read", 7000,
                "dup2", 6000, "pwrite64", 5000, "fstatfs", 100);
        window(100, events);
        window(100, events);
        window(100, events);
        assertEquals("- - fstatfs", decisions(), "the hottest that may still be narrowed");
        window(100, events); // settling
        window(100, events);
        assertEquals("- - fstatfs - -", decisions(), "nothing is left to narrow");
    }

    @Test
    void lossesWithoutEventsNarrowNothing() {
        window(100, Map.of());
        window(100, Map.of());
        window(100, Map.of());
        assertEquals("- - -", decisions());
    }

    @Test
    void windowsFollowTheClockNotTheTicks() {
        narrowing = new AdaptiveNarrowing(new Adaptive(true, 2, Duration.ofMillis(500)), SyscallTable.builtIn());
        assertNull(narrowing.tick(now, lost, sampling));
        narrowing.count(syscall("read"));
        lost += 5;
        assertNull(narrowing.tick(now + 499_000_000L, lost, sampling), "the window is not over yet");
        assertNull(narrowing.tick(now + 500_000_000L, lost, sampling), "first lossy window");
        narrowing.count(syscall("read"));
        lost += 7;
        AdaptiveNarrowing.Step step = narrowing.tick(now + 1_200_000_000L, lost, sampling);
        assertEquals("losing events (12 lost in the last 1 s): counting read in the kernel only from now on "
                + "(exact totals stay in the summary)", step.warning());
    }
}
