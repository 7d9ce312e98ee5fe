package dev.ior.bpf.live;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.bpf.live.Scenario.Run;
import dev.ior.core.EventRecord;
import dev.ior.core.IorSession;
import dev.ior.core.Sampling;
import dev.ior.core.SyscallSampling;
import dev.ior.core.testing.IoHelper;
import dev.ior.core.testing.RequiresRoot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the kernel side decides, against the real kernel: sampling with exact totals,
 * restarted calls folded into one event, calls that never return, calls seccomp denied,
 * and following forks.
 */
@RequiresRoot
class KernelSideTest {

    private static final int PWRITES = 10_000;

    @Test
    void samplingOneInTenEmitsAboutATenthAndCountsEveryCallExactly(@TempDir Path tmp) throws Exception {
        Collector collector = new Collector();
        List<SyscallSampling> totals;
        try (IoHelper helper = IoHelper.start("sampled", tmp.toRealPath().resolve("s").toString(),
                Integer.toString(PWRITES));
             IorSession session = IorSession.builder().pid(helper.pid())
                     .sampling(new Sampling(Map.of("pwrite64", 10, "lseek", 0))).build()) {
            session.onEvent(collector);
            session.startAsync();
            helper.go();
            collector.until(e -> e.file().equals(Scenario.END), Scenario.WAIT);
            session.close();
            totals = session.samplingTotals(); // kept when the kernel's maps are gone
        }
        List<EventRecord> events = collector.events();
        long pwrites = events.stream().filter(e -> e.syscall().name().equals("pwrite64")).count();
        SyscallSampling pwrite = totals.stream().filter(t -> t.syscall().name().equals("pwrite64")).findFirst()
                .orElseThrow();
        SyscallSampling lseek = totals.stream().filter(t -> t.syscall().name().equals("lseek")).findFirst()
                .orElseThrow();
        assertAll(() -> assertEquals(PWRITES, pwrite.calls(), "every call counted"),
                () -> assertEquals(pwrites, pwrite.traced(), "the kernel counted what it emitted"),
                () -> assertTrue(Math.abs(pwrites - PWRITES / 10) < 150, "about one in ten (5 sigma): " + pwrites),
                () -> assertEquals(10, pwrite.rate()),
                () -> assertEquals(300, lseek.calls()), () -> assertEquals(0, lseek.traced()),
                () -> assertEquals(300, lseek.countedOnly()),
                () -> assertTrue(events.stream().noneMatch(e -> e.syscall().name().equals("lseek"))),
                () -> assertEquals(2, totals.size(), "only sampled syscalls have totals: " + totals));
    }

    @Test
    void aCallInterruptedBySignalsAndRunAgainIsOneEventWithItsRestarts() throws Exception {
        Run run = Scenario.byPid(List.of("default", "nanosleep"), "restarts");
        long fd = run.fact("fd");
        EventRecord read = run.one("read", fd);
        List<EventRecord> sleeps = run.calls("nanosleep");
        assertAll(() -> assertEquals(1, run.fact("read"), "the read got its byte"),
                () -> assertEquals(1, read.ret()), () -> assertEquals(1, read.restarts(), "SIGUSR1 interrupted it"),
                () -> assertEquals(0, read.errno()),
                () -> assertTrue(read.latencyNs() >= 250_000_000L, "from the first entry: " + read.latencyNs()),
                () -> assertEquals(1, sleeps.size(), "one event for the sleep: " + sleeps),
                () -> assertEquals(1, sleeps.get(0).restarts(), "SIGSTOP interrupted it, restart_syscall ran it again"),
                () -> assertEquals(0, sleeps.get(0).ret()),
                () -> assertTrue(sleeps.get(0).latencyNs() >= 390_000_000L, "the whole sleep: " + sleeps.get(0)),
                () -> assertTrue(run.events().stream().noneMatch(e -> e.ret() <= -512 && e.ret() >= -516),
                        "no restart code reaches an event"));
    }

    @Test
    void exitGroupIsAnEventAtEntryWithoutLatency(@TempDir Path tmp) throws Exception {
        Collector collector = new Collector();
        try (IoHelper helper = IoHelper.start("named", "ior-exits", "3", tmp.toRealPath().resolve("n").toString());
             IorSession session = IorSession.builder().pid(helper.pid()).syscalls("default", "exit_group").build()) {
            session.onEvent(collector);
            session.startAsync();
            helper.go();
            EventRecord exit = collector.until(e -> e.syscall().name().equals("exit_group"), Scenario.WAIT).stream()
                    .filter(e -> e.syscall().name().equals("exit_group")).findFirst().orElseThrow();
            session.close();
            assertAll(() -> assertEquals(helper.pid(), exit.pid()), () -> assertEquals(0, exit.latencyNs()),
                    () -> assertEquals(0, exit.ret()), () -> assertEquals(0, exit.errno()),
                    () -> assertEquals("ior-exits", exit.comm()),
                    () -> assertEquals(0, session.snapshot().syscalls().row("exit_group").orElseThrow().p99(),
                            "no latency in the statistics"),
                    () -> assertEquals(0, session.counters().unmatchedExits(), "its missing exit is no mismatch"));
        }
    }

    @Test
    void callsSeccompDeniedAreNeitherEventsNorLosses() throws Exception {
        Collector collector = new Collector();
        try (IoHelper helper = IoHelper.start("denied", "5");
             IorSession session = IorSession.builder().pid(helper.pid()).build()) {
            session.onEvent(collector);
            session.startAsync();
            helper.go();
            collector.until(e -> e.file().equals(Scenario.END), Scenario.WAIT);
            assertAll(() -> assertEquals(-1, helper.fact("fchmod"), "the helper saw EPERM"),
                    () -> assertTrue(collector.events().stream().noneMatch(e -> e.syscall().name().equals("fchmod"))),
                    () -> assertEquals(5, session.counters().unmatchedExits(), "counted as unmatched exits"),
                    () -> assertEquals(0, session.counters().lostKernel(), "not as losses"));
        }
    }

    @Test
    void anFdReusedWhereIorCannotSeeItIsNamedByItsInode(@TempDir Path tmp) throws Exception {
        Path dir = tmp.toRealPath();
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Run run = Scenario.byPid("sharedfds", KernelSideTest::twoFileWrites, a.toString(), b.toString());
        long fd = run.fact("fd");
        List<EventRecord> writes = run.calls("write").stream().filter(e -> e.fd() == fd).toList();
        assertAll(() -> assertEquals(2, writes.size(), writes.toString()),
                () -> assertEquals(a.toString(), writes.get(0).file()),
                () -> assertEquals(b.toString(), writes.get(1).file(), "the inode told the stale name apart"));
    }

    @Test
    void withoutFdIdentityTheSameReusedFdKeepsItsStaleName(@TempDir Path tmp) throws Exception {
        System.setProperty(FdIdentity.SWITCH, "off");
        try {
            Path dir = tmp.toRealPath();
            Run run = Scenario.byPid("sharedfds", KernelSideTest::twoFileWrites, dir.resolve("a").toString(),
                    dir.resolve("b").toString());
            long fd = run.fact("fd");
            List<EventRecord> writes = run.calls("write").stream().filter(e -> e.fd() == fd).toList();
            assertEquals(dir.resolve("a").toString(), writes.get(1).file(), "what degrading costs: " + writes);
        } finally {
            System.clearProperty(FdIdentity.SWITCH);
        }
    }

    @Test
    void followSeesAGrandchildsWritesThatThePidAloneMisses(@TempDir Path tmp) throws Exception {
        Path dir = tmp.toRealPath();
        assertEquals(0, grandchildWrites(dir.resolve("alone"), false), "--pid alone");
        assertEquals(20, grandchildWrites(dir.resolve("followed"), true), "--pid with --follow");
    }

    /** Waits, the helper alive, until both writes of the sharedfds scenario (fds above 2) are events. */
    private static void twoFileWrites(IorSession session, Collector collector) throws InterruptedException {
        collector.until(e -> collector.events().stream().filter(w -> w.syscall().name().equals("write")
                && w.fd() > 2).count() >= 2, Scenario.WAIT);
    }

    /** The writes to {@code file} seen while the helper's grandchild makes 20. */
    private static long grandchildWrites(Path file, boolean follow) throws Exception {
        Collector collector = new Collector();
        try (IoHelper helper = IoHelper.start("grandchild", file.toString(), "20");
             IorSession session = IorSession.builder().pid(helper.pid()).follow(follow).build()) {
            session.onEvent(collector);
            session.startAsync();
            helper.go();
            List<EventRecord> events = collector.until(e -> e.file().equals(Scenario.END), Scenario.WAIT);
            long child = helper.fact("child");
            return events.stream().filter(e -> e.syscall().name().equals("write") && e.file().equals(file.toString())
                    && e.pid() != helper.pid() && e.pid() != child).count();
        }
    }
}
