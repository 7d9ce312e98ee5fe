package dev.ior.bpf.live;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.bpf.live.Scenario.Run;
import dev.ior.core.EventRecord;
import dev.ior.core.testing.IoHelper;
import dev.ior.core.testing.RequiresRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every event names the syscall, process and file that a careful strace would: scripted
 * raw syscalls of the C helper against the real kernel, asserted event by event.
 */
@RequiresRoot
class AttributionTest {

    private static final int EBADF = 9;
    private static final int ENOENT = 2;

    @Test
    void theOpenFamilyNamesEachNewFdAndItsFile(@TempDir Path tmp) throws Exception {
        Path dir = tmp.toRealPath();
        Run run = Scenario.byPid("opens", dir.toString());
        List<String> names = List.of("open", "creat", "openat", "openat2");
        for (String name : names) {
            long fd = run.fact(name);
            EventRecord open = run.one(name, fd);
            String file = dir.resolve(String.valueOf("abcd".charAt(names.indexOf(name)))).toString();
            assertAll(name, () -> assertEquals(file, open.file()), () -> assertEquals(fd, open.ret()),
                    () -> assertEquals(0, open.bytes()), () -> assertEquals("iohelper", open.comm()));
            assertEquals(file, run.one("close", fd).file(), "close of the " + name + " fd");
        }
    }

    @Test
    void readsAndWritesCountTheBytesTheKernelReturned(@TempDir Path dir) throws Exception {
        Path file = dir.toRealPath().resolve("rw");
        Run run = Scenario.byPid("readwrite", file.toString());
        long fd = run.fact("fd");
        List<String> calls = List.of("write", "pwrite64", "writev", "pwritev", "pwritev2", "read", "pread64", "readv",
                "preadv", "preadv2");
        for (String call : calls) {
            EventRecord e = run.calls(call).stream().filter(c -> c.fd() == fd).findFirst().orElseThrow(); // then EOF
            long expected = run.fact(call);
            boolean reads = call.contains("read");
            assertAll(call, () -> assertEquals(fd, e.fd()), () -> assertEquals(expected, e.ret()), () -> assertEquals(expected, e.bytes()),
                    () -> assertEquals(reads ? expected : 0, e.bytesRead()),
                    () -> assertEquals(reads ? 0 : expected, e.bytesWritten()),
                    () -> assertEquals(file.toString(), e.file()));
        }
        assertEquals(List.of(100L, 50L, 30L, 10L, 7L, 64L, 16L, 30L, 5L, 7L),
                calls.stream().map(run::fact).toList(), "what the helper saw");
        EventRecord eof = run.calls("read").getLast();
        assertAll(() -> assertEquals(0, eof.ret()), () -> assertEquals(0, eof.bytes()));
    }

    @Test
    void aTransferReportsTheFileItWroteAndTheFileItRead(@TempDir Path tmp) throws Exception {
        Path dir = tmp.toRealPath();
        String src = dir.resolve("src").toString();
        String dst = dir.resolve("dst").toString();
        Run run = Scenario.byPid("transfer", src, dst);
        long in = run.fact("src");
        long out = run.fact("dst");
        String pipe = "pipe:[" + run.fact("pipe_ino") + "]";

        assertTransfer(run.one("sendfile64", out), out, dst, in, src, 300);
        assertTransfer(run.one("copy_file_range", out), out, dst, in, src, 200);
        assertTransfer(run.one("splice", run.fact("pipe_w")), run.fact("pipe_w"), pipe, in, src, 100);
        assertTransfer(run.one("splice", out), out, dst, run.fact("pipe_r"), pipe, 100);
        EventRecord pipe2 = run.one("pipe2", e -> true);
        assertAll(() -> assertEquals(pipe, pipe2.file()), () -> assertEquals(run.fact("pipe_r"), pipe2.fd()));
    }

    private static void assertTransfer(EventRecord e, long fd, String file, long oldFd, String oldFile, long bytes) {
        assertAll(e.toString(), () -> assertEquals(fd, e.fd()), () -> assertEquals(file, e.file()),
                () -> assertEquals(oldFd, e.oldFd()), () -> assertEquals(oldFile, e.oldFile()),
                () -> assertEquals(bytes, e.bytes()), () -> assertEquals(bytes, e.bytesRead()),
                () -> assertEquals(bytes, e.bytesWritten()));
    }

    @Test
    void dupsCopyTheEntryAndAFailedDupCreatesNothing(@TempDir Path tmp) throws Exception {
        String file = tmp.toRealPath().resolve("dup").toString();
        Run run = Scenario.byPid("dups", file);
        long fd = run.fact("fd");
        assertEquals(run.fact("dup"), run.one("dup", fd).ret());
        assertEquals(20, run.one("dup2", fd).ret());
        assertEquals(21, run.one("dup3", fd).ret());
        assertEquals(List.of(30L, 40L), run.calls("fcntl").stream().filter(e -> e.fd() == fd).map(EventRecord::ret)
                .toList(), "F_DUPFD, F_DUPFD_CLOEXEC");
        for (long copy : List.of(run.fact("dup"), 20L, 21L, 30L, 40L)) {
            EventRecord write = run.one("write", copy);
            assertAll("write to " + copy + " after the original was closed",
                    () -> assertEquals(file, write.file()), () -> assertEquals(1, write.bytes()));
        }
        EventRecord badDup = run.one("dup", 999);
        EventRecord badDup2 = run.one("dup2", 999);
        EventRecord badWrite = run.one("write", 22);
        assertAll(() -> assertEquals("EBADF", badDup.errnoName()), () -> assertEquals(-EBADF, badDup2.ret()),
                () -> assertEquals(-EBADF, badWrite.ret()), () -> assertEquals("", badWrite.file(),
                        "the failed dup2 onto 22 made no entry"));
    }

    @Test
    void closeAndCloseRangeRemoveTheirEntries(@TempDir Path tmp) throws Exception {
        String file = tmp.toRealPath().resolve("closes").toString();
        Run run = Scenario.byPid("closes", file);
        long b = run.fact("b");
        assertEquals(file, run.one("close", run.fact("a")).file());
        EventRecord range = run.one("close_range", e -> true);
        EventRecord write = run.one("write", b);
        assertAll(() -> assertEquals(0, range.ret()), () -> assertEquals(-EBADF, write.ret()),
                () -> assertEquals("", write.file(), "fd " + b + " was closed by close_range"));
    }

    @Test
    void aForkedChildInheritsTheTableAndItsCloseLeavesTheParentsEntry(@TempDir Path tmp) throws Exception {
        String file = tmp.toRealPath().resolve("forked").toString();
        Run run = Scenario.byComm("forked", file);
        long fd = run.fact("fd");
        long child = run.fact("child");
        List<EventRecord> childEvents = run.of(Set.of(child));
        EventRecord childWrite = childEvents.stream().filter(e -> e.syscall().name().equals("write")).findFirst()
                .orElseThrow();
        EventRecord childClose = childEvents.stream().filter(e -> e.syscall().name().equals("close")).findFirst()
                .orElseThrow();
        EventRecord parentWrite = run.one("write", e -> e.fd() == fd && e.bytes() == 2);
        assertAll(() -> assertEquals(fd, childWrite.fd()), () -> assertEquals(file, childWrite.file()),
                () -> assertEquals(file, childClose.file()), () -> assertEquals(file, parentWrite.file()),
                () -> assertEquals(2, run.fact("parent_write")));
    }

    @Test
    void twoProcessesWithTheSameFdNumberSeeTheirOwnFiles(@TempDir Path tmp) throws Exception {
        Path dir = tmp.toRealPath();
        Run run = Scenario.byComm("samefd", dir.resolve("parent").toString(), dir.resolve("child").toString());
        long fd = run.fact("fd");
        EventRecord parent = run.one("write", fd);
        EventRecord child = run.of(Set.of(run.fact("child"))).stream()
                .filter(e -> e.syscall().name().equals("write") && e.fd() == fd).findFirst().orElseThrow();
        assertAll(() -> assertEquals(dir.resolve("parent").toString(), parent.file()),
                () -> assertEquals(dir.resolve("child").toString(), child.file()),
                () -> assertEquals(5, child.bytes()));
    }

    @Test
    void aThreadWritesToAnFdItsSiblingOpened(@TempDir Path tmp) throws Exception {
        String file = tmp.toRealPath().resolve("threaded").toString();
        Run run = Scenario.byPid("threaded", file);
        EventRecord write = run.one("write", run.fact("fd"));
        assertAll(() -> assertEquals(run.fact("tid"), write.tid()), () -> assertNotEquals(write.pid(), write.tid()),
                () -> assertEquals(file, write.file()), () -> assertEquals(6, write.bytes()));
    }

    @Test
    void execDropsCloseOnExecFdsAndChangesTheComm(@TempDir Path tmp) throws Exception {
        Path dir = tmp.toRealPath();
        String file = dir.resolve("exec").toString();
        Path copy = Files.copy(IoHelper.binary(), dir.resolve("iohelper-exec")); // its name is the new comm
        Run run = Scenario.byComm("execs", file, copy.toString());
        EventRecord beforeExec = run.one("fcntl", run.fact("set"));
        EventRecord keep = run.one("write", run.fact("keep"));
        EventRecord drop = run.one("write", run.fact("drop"));
        EventRecord set = run.one("write", run.fact("set"));
        assertAll(() -> assertEquals("iohelper", beforeExec.comm()), () -> assertEquals(file, beforeExec.file()),
                () -> assertEquals("iohelper-exec", keep.comm()), () -> assertEquals(file, keep.file()),
                () -> assertEquals(1, keep.bytes()),
                () -> assertEquals(-EBADF, drop.ret()), () -> assertEquals("", drop.file(), "O_CLOEXEC fd"),
                () -> assertEquals(-EBADF, set.ret()), () -> assertEquals("", set.file(), "F_SETFD fd"));
    }

    @Test
    void pathsAreAbsoluteAndRenamesLinksAndSymlinksNameBothEnds(@TempDir Path tmp) throws Exception {
        Path dir = tmp.toRealPath();
        Path sub = dir.resolve("sub");
        Run run = Scenario.byPid("paths", dir.toString());
        assertEquals(dir.resolve("rel.txt").toString(), run.one("openat", run.fact("rel")).file(), "relative to cwd");
        assertEquals(sub.toString(), run.one("mkdir", e -> true).file());
        assertEquals(sub.resolve("x.txt").toString(), run.one("openat", run.fact("x")).file(), "relative to dirfd");
        assertEquals(sub.resolve("x.txt").toString(), run.one("newfstatat", e -> true).file(), "AT_EMPTY_PATH");
        assertNames(run.one("rename", e -> true), dir.resolve("rel.txt").toString(),
                sub.resolve("renamed.txt").toString());
        assertNames(run.one("renameat", e -> true), sub.resolve("x.txt").toString(), dir.resolve("y.txt").toString());
        assertNames(run.one("link", e -> true), dir.resolve("y.txt").toString(), dir.resolve("z.txt").toString());
        assertNames(run.one("symlink", e -> true), "y.txt", dir.resolve("s.txt").toString());
        EventRecord missing = run.one("newstat", e -> true);
        assertAll(() -> assertEquals(-ENOENT, missing.ret()), () -> assertEquals("ENOENT", missing.errnoName()),
                () -> assertEquals(dir.resolve("missing").toString(), missing.file()),
                () -> assertEquals("iohelper", missing.comm()));
        assertEquals(sub.resolve("renamed.txt").toString(), run.one("unlinkat", e -> true).file());
        assertEquals(sub.toString(), run.one("fchdir", e -> true).file());
        assertEquals(sub.resolve("w.txt").toString(), run.one("openat", run.fact("w")).file(), "cwd after fchdir");
        assertEquals(sub.resolve("w.txt").toString(), run.one("utimensat", e -> true).file(), "NULL path: the fd");
        EventRecord tooLong = run.one("openat", e -> e.ret() == -ENOENT);
        assertAll(() -> assertTrue(tooLong.fileTruncated(), tooLong.toString()),
                () -> assertEquals(-ENOENT, run.fact("long")));
    }

    private static void assertNames(EventRecord e, String oldFile, String file) {
        assertAll(e.toString(), () -> assertEquals(oldFile, e.oldFile()), () -> assertEquals(file, e.file()),
                () -> assertEquals(0, e.ret()));
    }

    @Test
    void mmapNamesItsFifthArgumentAndAnonymousMapsHaveNoFile(@TempDir Path tmp) throws Exception {
        String file = tmp.toRealPath().resolve("mapped").toString();
        Run run = Scenario.byPid("mmaps", file);
        long fd = run.fact("fd");
        List<EventRecord> maps = run.calls("mmap").stream().filter(e -> e.ret() > 0).toList();
        EventRecord fileMap = maps.stream().filter(e -> e.fd() == fd).findFirst().orElseThrow();
        assertAll(() -> assertEquals(file, fileMap.file()), () -> assertEquals(1, run.fact("file_map")),
                () -> assertEquals(1, run.fact("anon_map")));
        List<EventRecord> anonymous = maps.stream().filter(e -> e != fileMap).toList();
        assertTrue(anonymous.size() >= 2, "two anonymous maps (one naming an fd) in " + maps);
        for (EventRecord anon : anonymous) {
            assertAll(anon.toString(), () -> assertEquals(-1, anon.fd()), () -> assertEquals("", anon.file()));
        }
        assertEquals(0, run.one("msync", e -> true).ret());
    }

    @Test
    void syncCacheAndSizeCallsNameTheirFile(@TempDir Path tmp) throws Exception {
        String file = tmp.toRealPath().resolve("synced").toString();
        Run run = Scenario.byPid("syncs", file);
        long fd = run.fact("fd");
        for (String call : List.of("fsync", "fdatasync", "sync_file_range", "syncfs", "fallocate", "ftruncate",
                "fadvise64", "readahead")) {
            EventRecord e = run.one(call, fd);
            assertAll(call, () -> assertEquals(file, e.file()), () -> assertEquals(0, e.ret()));
        }
        assertEquals(0, run.one("sync", e -> true).ret());
    }

    @Test
    void anFdOpenedBeforeIorStartedResolvesThroughTheStartSnapshot(@TempDir Path tmp) throws Exception {
        String file = tmp.toRealPath().resolve("preopened").toString();
        Run run = Scenario.byPid("preopened", file);
        EventRecord write = run.one("write", run.fact("fd"));
        assertAll(run.events().toString(), () -> assertEquals(file, write.file()), () -> assertEquals(3, write.bytes()));
        assertTrue(run.calls("openat").stream().noneMatch(e -> e.file().equals(file)), "opened before tracing");
    }

    @Test
    void pipesSocketsAndAnonInodesReadAsProcShowsThem() throws Exception {
        Run run = Scenario.byPid("fdkinds", (session, collector) -> collector.until(
                e -> e.syscall().name().equals("fcntl") && e.fd() == lastFd(collector), Scenario.WAIT));
        for (int i = 0; i < 9; i++) {
            long fd = run.fact("fd" + i);
            String proc = run.text("link" + fd);
            assertEquals(proc, run.one("fcntl", fd).file(), "fcntl on fd " + fd);
        }
        assertEquals(run.text("link" + run.fact("fd2")), run.one("socket", e -> true).file());
        assertEquals(run.text("link" + run.fact("fd5")), run.one("eventfd2", e -> true).file());
        assertEquals(run.text("link" + run.fact("fd8")), run.one("epoll_create1", e -> true).file());
        assertTrue(run.text("link" + run.fact("fd0")).startsWith("pipe:["));
        assertTrue(run.text("link" + run.fact("fd3")).startsWith("socket:["));
        assertNotEquals(run.text("link" + run.fact("fd3")), run.text("link" + run.fact("fd4")), "a pair: two sockets");
    }

    /** The fd of the epoll (the helper's last new fd): the last fcntl before its pause. */
    private static long lastFd(Collector collector) {
        return collector.events().stream().filter(e -> e.syscall().name().equals("epoll_create1"))
                .mapToLong(EventRecord::ret).findFirst().orElse(-2);
    }
}
