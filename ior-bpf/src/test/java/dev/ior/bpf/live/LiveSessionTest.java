package dev.ior.bpf.live;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.EventRecord;
import dev.ior.core.IorSession;
import dev.ior.core.testing.IoHelper;
import dev.ior.core.testing.RequiresRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spine end to end against the real kernel: a process with known syscalls, traced by pid. */
@RequiresRoot
class LiveSessionTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void tracesExactlyTheOpenWritesReadsAndCloseOfOneProcess(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("spine.dat");
        Collector collector = new Collector();
        try (IoHelper helper = IoHelper.start("spine", file.toString());
             IorSession session = IorSession.builder().pid(helper.pid())
                     .syscalls("openat", "read", "write", "close").build()) {
            session.onEvent(collector);
            session.startAsync();
            helper.go();
            int fd = (int) helper.fact("fd");
            List<EventRecord> all = collector.until(e -> e.syscall().name().equals("close") && e.fd() == fd, WAIT);
            List<EventRecord> onFile = all.stream().filter(e -> e.fd() == fd).toList();

            assertEquals(List.of("openat", "write", "write", "write", "write", "read", "read", "close"),
                    onFile.stream().map(e -> e.syscall().name()).toList());
            EventRecord open = onFile.get(0);
            assertEquals(file.toString(), open.file());
            assertEquals(fd, open.ret());
            for (EventRecord write : onFile.subList(1, 5)) {
                assertAll(() -> assertEquals(1024, write.ret()), () -> assertEquals(1024, write.bytes()),
                        () -> assertEquals(file.toString(), write.file()));
            }
            for (EventRecord read : onFile.subList(5, 7)) {
                assertAll(() -> assertEquals(2048, read.ret()), () -> assertEquals(2048, read.bytes()),
                        () -> assertEquals(file.toString(), read.file()));
            }
            assertEquals(0, onFile.get(7).ret());
            for (EventRecord e : all) {
                assertAll(() -> assertEquals(helper.pid(), e.pid()), () -> assertEquals(helper.pid(), e.tid()),
                        () -> assertEquals("iohelper", e.comm()),
                        () -> assertTrue(e.latencyNs() > 0, "latency of " + e),
                        () -> assertEquals(0, e.errno()));
            }
            // The gap is the time since the thread's previous traced call returned.
            for (int i = 1; i < all.size(); i++) {
                EventRecord previous = all.get(i - 1);
                EventRecord current = all.get(i);
                assertEquals(current.timeNs() - (previous.timeNs() + previous.latencyNs()), current.gapNs(),
                        "gap of " + current);
                assertTrue(current.gapNs() <= current.timeNs() - previous.timeNs());
            }
            assertEquals(0, session.counters().lostKernel());
        }
    }

    @Test
    void aFailedOpenKeepsItsPathAndNamesTheError(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("does-not-exist");
        Collector collector = new Collector();
        try (IoHelper helper = IoHelper.start("missing", missing.toString());
             IorSession session = IorSession.builder().pid(helper.pid()).syscalls("openat").build()) {
            session.onEvent(collector);
            session.startAsync();
            helper.go();
            EventRecord open = collector.until(e -> e.syscall().name().equals("openat")
                    && e.file().equals(missing.toString()), WAIT).stream()
                    .filter(e -> e.file().equals(missing.toString())).findFirst().orElseThrow();
            assertAll(() -> assertEquals(-2, open.ret()), () -> assertEquals(2, open.errno()),
                    () -> assertEquals("ENOENT", open.errnoName()), () -> assertEquals(-1, open.fd()),
                    () -> assertEquals(0, open.bytes()), () -> assertEquals("iohelper", open.comm()));
            assertEquals(helper.fact("ret"), open.ret());
        }
    }

    @Test
    void neverTracesItsOwnProcess(@TempDir Path dir) throws Exception {
        Path own = dir.resolve("opened-by-ior-itself");
        Path child = dir.resolve("opened-by-a-child");
        Collector collector = new Collector();
        try (IorSession session = IorSession.builder().syscalls("openat").build();
             IoHelper helper = IoHelper.start("missing", child.toString())) {
            session.onEvent(collector);
            session.startAsync();
            Files.exists(own); // a stat, not an open: make it an openat
            try (var ignored = Files.newInputStream(own)) {
                throw new AssertionError("the file should not exist");
            } catch (java.nio.file.NoSuchFileException expected) {
                // ior's own failed openat happened
            }
            helper.go();
            List<EventRecord> events = collector.until(e -> e.file().equals(child.toString()), WAIT);
            long self = ProcessHandle.current().pid();
            assertTrue(events.stream().noneMatch(e -> e.pid() == self), "ior traced itself");
            assertTrue(events.stream().noneMatch(e -> e.file().equals(own.toString())));
        }
    }
}
