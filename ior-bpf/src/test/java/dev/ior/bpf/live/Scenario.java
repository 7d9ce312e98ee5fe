package dev.ior.bpf.live;

import dev.ior.core.EventRecord;
import dev.ior.core.IorSession;
import dev.ior.core.testing.IoHelper;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs one iohelper scenario under a live session tracing every syscall, and returns
 * the events of the helper's processes once its end marker arrived.
 */
final class Scenario {

    /** The path of the helper's last traced call (a faccessat). */
    static final String END = "/iohelper-end";
    static final Duration WAIT = Duration.ofSeconds(10);

    private Scenario() {
    }

    /** What a test does each time the scenario pauses. */
    interface OnPause {
        void paused(IorSession session, Collector collector) throws Exception;
    }

    /** The scenario's events, traced by the helper's pid in the kernel (one process). */
    static Run byPid(String scenario, String... args) throws Exception {
        return byPid(scenario, (session, collector) -> { }, args);
    }

    /** The same, running {@code onPause} whenever the scenario pauses. */
    static Run byPid(String scenario, OnPause onPause, String... args) throws Exception {
        try (IoHelper helper = IoHelper.start(scenario, args);
             IorSession session = IorSession.builder().pid(helper.pid()).build()) {
            return run(helper, session, new Collector(), onPause);
        }
    }

    /** The scenario's events, traced by the helper's pid, of the syscalls {@code syscalls} selects. */
    static Run byPid(List<String> syscalls, String scenario, String... args) throws Exception {
        try (IoHelper helper = IoHelper.start(scenario, args);
             IorSession session = IorSession.builder().pid(helper.pid()).syscalls(syscalls.toArray(String[]::new))
                     .build()) {
            return run(helper, session, new Collector(), (s, c) -> { });
        }
    }

    /**
     * The scenario's events, from a session on the whole host that keeps the helper's
     * command names (for scenarios that fork or exec).
     */
    static Run byComm(String scenario, String... args) throws Exception {
        try (IoHelper helper = IoHelper.start(scenario, args);
             IorSession session = IorSession.builder().build()) {
            Collector collector = new Collector(e -> e.comm().startsWith("iohelper"));
            return run(helper, session, collector, (s, c) -> { });
        }
    }

    private static Run run(IoHelper helper, IorSession session, Collector collector, OnPause onPause)
            throws Exception {
        session.onEvent(collector);
        session.startAsync();
        helper.go();
        while (!helper.finished()) {
            onPause.paused(session, collector);
            helper.go();
        }
        List<EventRecord> events = collector.until(e -> e.pid() == helper.pid() && e.file().equals(END), WAIT);
        return new Run(helper, events.stream().filter(e -> !e.file().equals(END)).toList());
    }

    /** What a scenario did: the helper's facts and the events of its processes. */
    record Run(IoHelper helper, List<EventRecord> all) {

        long fact(String key) {
            return helper.fact(key);
        }

        String text(String key) {
            return helper.text(key);
        }

        /** The events of the processes in {@code pids}, in order. */
        List<EventRecord> of(Set<Long> pids) {
            return all.stream().filter(e -> pids.contains((long) e.pid())).toList();
        }

        /** The helper's own events (its first process). */
        List<EventRecord> events() {
            return all.stream().filter(e -> e.pid() == helper.pid()).toList();
        }

        /** The helper's events of one syscall, in order. */
        List<EventRecord> calls(String syscall) {
            return events().stream().filter(e -> e.syscall().name().equals(syscall)).toList();
        }

        /** The helper's one event of {@code syscall} that matches; fails unless exactly one does. */
        EventRecord one(String syscall, Predicate<EventRecord> match) {
            List<EventRecord> found = calls(syscall).stream().filter(match).toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one " + syscall + ", found " + found + " among " + events());
            }
            return found.get(0);
        }

        /** The helper's one event of {@code syscall} on {@code fd}. */
        EventRecord one(String syscall, long fd) {
            return one(syscall, e -> e.fd() == fd);
        }
    }
}
