package dev.ior.bpf.live;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.bpf.live.Scenario.Run;
import dev.ior.core.EventRecord;
import dev.ior.core.syscall.SyscallClass;
import dev.ior.core.testing.RequiresRoot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** io_uring operations as their own events, and the aio syscalls. */
@RequiresRoot
class AsyncIoTest {

    @Test
    void eachIoUringOperationIsAnEventWithItsFileBytesAndLatency(@TempDir Path tmp) throws Exception {
        Path dir = tmp.toRealPath();
        String file = dir.resolve("ring").toString();
        String opened = dir.resolve("opened-by-the-ring").toString();
        Run run = Scenario.byPid("uring", file, opened);
        long ring = run.fact("ring");
        long fd = run.fact("fd");
        long fd2 = run.fact("fd2");

        EventRecord setup = run.one("io_uring_setup", e -> true);
        assertAll(() -> assertEquals(ring, setup.fd()), () -> assertEquals("anon_inode:[io_uring]", setup.file()));
        assertTrue(run.calls("io_uring_enter").stream().filter(e -> e.fd() == ring).count() >= 6,
                "six submits (and as many waits as were needed)");
        assertOperation(run.one("io_uring:write", fd), file, 100, SyscallClass.WRITE);
        assertOperation(run.one("io_uring:read", fd), file, 64, SyscallClass.READ);
        assertOperation(run.one("io_uring:fsync", fd), file, 0, SyscallClass.SYNC);
        EventRecord open = run.one("io_uring:openat", e -> true);
        assertAll(() -> assertEquals(opened, open.file()), () -> assertEquals(fd2, open.fd()),
                () -> assertEquals(fd2, open.ret()));
        assertOperation(run.one("io_uring:write", fd2), opened, 10, SyscallClass.WRITE);
        EventRecord close = run.one("io_uring:close", fd2);
        assertAll(() -> assertEquals(opened, close.file()), () -> assertEquals(0, close.ret()));
        assertEquals(100, run.fact("write"));
        assertEquals(64, run.fact("read"));
    }

    private static void assertOperation(EventRecord e, String file, long bytes, SyscallClass kind) {
        assertAll(e.toString(), () -> assertEquals(file, e.file()), () -> assertEquals(bytes, e.ret()),
                () -> assertEquals(bytes, e.bytes()), () -> assertEquals(kind, e.syscall().kind()),
                () -> assertTrue(e.latencyNs() > 0), () -> assertEquals("iohelper", e.comm()),
                () -> assertEquals(e.pid(), e.tid()));
    }

    @Test
    void aioSyscallsAreTracedFromSetupToDestroy(@TempDir Path tmp) throws Exception {
        Run run = Scenario.byPid("aio", tmp.toRealPath().resolve("aio").toString());
        assertEquals(0, run.one("io_setup", e -> true).ret());
        assertEquals(1, run.one("io_submit", e -> true).ret());
        assertEquals(1, run.one("io_getevents", e -> true).ret());
        assertEquals(0, run.one("io_destroy", e -> true).ret());
        assertEquals(512, run.fact("res"));
    }
}
