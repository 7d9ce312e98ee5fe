package dev.ior.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.EventRecord;
import dev.ior.core.proc.FdNames;
import dev.ior.core.proc.ProcFs;
import dev.ior.core.proc.ProcessTable;
import dev.ior.core.source.RawEvent;
import dev.ior.core.syscall.SyscallTable;
import dev.ior.core.text.Interner;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's bookkeeping on records the kernel side could send: what a kernel test
 * cannot stage on demand (tracked-only calls, io_uring fixed files, fd names by file
 * system), with a /proc made of plain files.
 */
class EventPipelineTest {

    private static final int PID = 4242;
    private static final int AT_FDCWD = -100;
    private static final SyscallTable TABLE = SyscallTable.builtIn();

    @TempDir
    Path proc;
    private final List<EventRecord> events = new ArrayList<>();
    private EventPipeline pipeline;

    @BeforeEach
    void emptyProcess() throws Exception {
        Files.createDirectories(proc.resolve(PID + "/fd"));
        Files.createSymbolicLink(proc.resolve(PID + "/cwd"), Path.of("/home/user"));
        pipeline = new EventPipeline(TABLE, new ProcFs(proc), 0, Long.MAX_VALUE, e -> events.add(e.copy()), () -> { });
        pipeline.snapshot(List.of(PID));
    }

    private static RawEvent call(String name, long ret, long... args) {
        RawEvent raw = new RawEvent();
        var syscall = TABLE.byName(name).orElseThrow();
        raw.kind = syscall.isUringOperation() ? RawEvent.URING : RawEvent.SYSCALL;
        raw.nr = syscall.nr();
        raw.pid = PID;
        raw.tid = PID;
        raw.ret = ret;
        System.arraycopy(args, 0, raw.args, 0, args.length);
        raw.paths = MemorySegment.ofArray(new byte[0]);
        return raw;
    }

    private static RawEvent withPath(RawEvent raw, String path) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        raw.paths = MemorySegment.ofArray(bytes);
        raw.pathOffset = 0;
        raw.pathLength = bytes.length;
        return raw;
    }

    private static RawEvent named(RawEvent raw, int magic, long ino, String dentry) {
        withPath(raw, dentry);
        raw.flags |= RawEvent.FD_IDENTITY;
        raw.fsMagic = magic;
        raw.ino = ino;
        return raw;
    }

    private EventRecord last() {
        return events.getLast();
    }

    private static RawEvent inode(RawEvent raw, long ino) {
        raw.flags |= RawEvent.FD_INODE;
        raw.ino = ino;
        return raw;
    }

    @Test
    void anFdWhoseInodeChangedBehindIorsBackIsLookedUpAgainNotMisnamed() throws Exception {
        pipeline.onRaw(inode(withPath(call("openat", 3, AT_FDCWD, 1, 0), "a.log"), 100));
        pipeline.onRaw(inode(call("read", 10, 3, 0, 10), 100));
        assertEquals("/home/user/a.log", last().file());
        Files.createSymbolicLink(proc.resolve(PID + "/fd/3"), Path.of("/home/user/b.log"));
        pipeline.onRaw(inode(call("read", 10, 3, 0, 10), 200)); // fd 3 now names another file
        assertAll(() -> assertEquals("/home/user/b.log", last().file(), "read again from /proc"),
                () -> assertEquals(1, pipeline.staleFdNames()));
        pipeline.onRaw(inode(call("read", 10, 3, 0, 10), 200));
        assertAll(() -> assertEquals("/home/user/b.log", last().file()), () -> assertEquals(1, pipeline.staleFdNames()));
        pipeline.onRaw(call("read", 10, 3, 0, 10)); // no inode (a kernel without the kfunc): the table is trusted
        assertEquals("/home/user/b.log", last().file());
    }

    @Test
    void aCallTrackedOnlyChangesTheFdTableButIsNotShown() {
        RawEvent open = withPath(call("openat", 3, AT_FDCWD, 1, 0), "data.bin");
        open.flags |= RawEvent.TRACK_ONLY;
        pipeline.onRaw(open);
        pipeline.onRaw(call("read", 10, 3, 0, 10));
        assertAll(() -> assertEquals(1, events.size()), () -> assertEquals(1, last().seq()),
                () -> assertEquals("/home/user/data.bin", last().file()));
    }

    @Test
    void newFdsWithoutAPathAreNamedAsProcNamesThem() {
        pipeline.onRaw(named(call("socket", 3, 1, 1, 0), FdNames.SOCKFS_MAGIC, 777, "UNIX"));
        pipeline.onRaw(named(call("eventfd2", 4, 0, 0), FdNames.ANON_INODE_FS_MAGIC, 1, "[eventfd]"));
        pipeline.onRaw(named(call("pidfd_open", 5, 1, 0), FdNames.PIDFS_MAGIC, 9, "pidfd"));
        RawEvent pair = named(call("socketpair", 0, 1, 1, 0, (7L << 32) | 6), FdNames.SOCKFS_MAGIC, (901L << 32) | 900,
                "UNIX");
        pipeline.onRaw(pair);
        assertEquals(List.of("socket:[777]", "anon_inode:[eventfd]", "anon_inode:[pidfd]", "socket:[900]"),
                events.stream().map(EventRecord::file).toList());
        for (int fd = 3; fd <= 7; fd++) {
            pipeline.onRaw(call("write", 1, fd, 0, 1));
        }
        assertEquals(List.of("socket:[777]", "anon_inode:[eventfd]", "anon_inode:[pidfd]", "socket:[900]",
                "socket:[901]"), events.subList(4, 9).stream().map(EventRecord::file).toList());
    }

    @Test
    void aNewFdOnARealFileSystemIsLookedUpInProcOnFirstUse() throws Exception {
        Files.createSymbolicLink(proc.resolve(PID + "/fd/3"), Path.of("/memfd:cache (deleted)"));
        pipeline.onRaw(named(call("memfd_create", 3, 0, 0), 0x01021994, 12, "memfd:cache"));
        pipeline.onRaw(call("write", 1, 3, 0, 1));
        assertAll(() -> assertEquals("", events.get(0).file(), "tmpfs: the kernel side cannot name it"),
                () -> assertEquals("/memfd:cache (deleted)", last().file()));
    }

    @Test
    void closeOnExecFlagsFromEveryCallAreDroppedByExec() {
        pipeline.onRaw(withPath(call("openat", 3, AT_FDCWD, 0, 02000000, 0), "/a"));
        pipeline.onRaw(withPath(call("openat", 4, AT_FDCWD, 0, 0), "/b"));
        pipeline.onRaw(call("dup3", 5, 4, 5, 02000000));
        pipeline.onRaw(named(call("memfd_create", 6, 0, 1), FdNames.ANON_INODE_FS_MAGIC, 1, "[x]"));
        pipeline.onRaw(call("close_range", 0, 4, 4, 4)); // CLOSE_RANGE_CLOEXEC on fd 4 only
        RawEvent exec = new RawEvent();
        exec.kind = RawEvent.EXEC;
        exec.pid = PID;
        pipeline.onRaw(exec);
        for (int fd = 3; fd <= 6; fd++) {
            pipeline.onRaw(call("fstatfs", 0, fd, 0));
        }
        assertEquals(List.of("", "", "", ""), events.subList(events.size() - 4, events.size()).stream()
                .map(EventRecord::file).toList(), "O_CLOEXEC, CLOSE_RANGE_CLOEXEC, dup3 O_CLOEXEC, MFD_CLOEXEC");
    }

    @Test
    void ioUringFixedFilesAndSlotsLeaveTheFdTableAlone() {
        pipeline.onRaw(withPath(call("openat", 3, AT_FDCWD, 0, 0), "/normal"));
        pipeline.onRaw(call("io_uring:read", 8, 3, 0, 8, 0, 1, 0)); // IOSQE_FIXED_FILE: 3 is a slot
        pipeline.onRaw(withPath(call("io_uring:openat", 0, AT_FDCWD, 0, 0, 0, 0, 4), "/direct")); // into slot 3
        pipeline.onRaw(call("io_uring:close", 0, 3, 0, 0, 0, 0, 4)); // closes slot 3, not fd 3
        pipeline.onRaw(call("io_uring:read", 8, 3, 0, 8, 0, 0, 0));
        assertAll(() -> assertEquals("", events.get(1).file()), () -> assertEquals(8, events.get(1).bytes()),
                () -> assertEquals("/direct", events.get(2).file()), () -> assertEquals(-1, events.get(2).fd()),
                () -> assertEquals("/normal", last().file()), () -> assertEquals("io_uring:read",
                        last().syscall().name()));
    }

    @Test
    void aNullPathNamesTheDirfdAndAnUnreadablePathNothing() {
        pipeline.onRaw(withPath(call("openat", 3, AT_FDCWD, 0, 0), "/f"));
        RawEvent utimensat = call("utimensat", 0, 3, 0, 0, 0);
        utimensat.flags |= RawEvent.PATH_FAULT;
        pipeline.onRaw(utimensat);
        RawEvent fault = call("newstat", -14, 0x7f0000000000L, 0);
        fault.flags |= RawEvent.PATH_FAULT;
        pipeline.onRaw(fault);
        assertAll(() -> assertEquals("/f", events.get(1).file()), () -> assertEquals("", last().file()),
                () -> assertEquals("EFAULT", last().errnoName()));
    }

    @Test
    void aFailedCallChangesNothingExceptACloseThatFreedTheFdAnyway() {
        pipeline.onRaw(withPath(call("openat", 3, AT_FDCWD, 0, 0, 0), "/f"));
        pipeline.onRaw(call("dup2", -9, 3, 9)); // EBADF: no entry for 9
        pipeline.onRaw(call("close", -9, 5)); // EBADF: nothing was closed
        pipeline.onRaw(call("read", 1, 3, 0, 1));
        pipeline.onRaw(call("read", -9, 9, 0, 1));
        pipeline.onRaw(call("close", -4, 3)); // EINTR: Linux has released fd 3 all the same
        pipeline.onRaw(call("read", -9, 3, 0, 1));
        assertAll(() -> assertEquals("/f", events.get(3).file()), () -> assertEquals("", events.get(4).file()),
                () -> assertEquals("/f", events.get(5).file()), () -> assertEquals("", last().file()));
    }

    @Test
    void unknownNumbersAreCountedNotShown() {
        RawEvent raw = call("read", 0, 0);
        raw.nr = 1000;
        pipeline.onRaw(raw);
        assertAll(() -> assertEquals(0, events.size()), () -> assertEquals(1, pipeline.unknownSyscalls()));
    }

    @Test
    void pathsOfOpenFdsAndCwdsOutliveTheCollectionOfEveryPathNoLongerHeld() {
        pipeline.onRaw(withPath(call("openat", 3, AT_FDCWD, 0, 0, 0), "kept.bin"));
        for (int i = 0; i < EventPipeline.COLLECT_AT_LEAST * 3; i++) {
            pipeline.onRaw(withPath(call("faccessat", 0, AT_FDCWD, 0, 0), "gone-" + i));
        }
        events.clear();
        pipeline.onRaw(call("read", 10, 3, 0, 10));
        pipeline.onRaw(withPath(call("faccessat", 0, AT_FDCWD, 0, 0), "relative"));

        assertAll(() -> assertEquals("/home/user/kept.bin", events.get(0).file(), "the fd's path"),
                () -> assertEquals("/home/user/relative", last().file(), "joined to the cwd kept"),
                () -> assertTrue(pipeline.collections() >= 2, "collections: " + pipeline.collections()),
                () -> assertTrue(pipeline.internedPaths() < 2 * EventPipeline.COLLECT_AT_LEAST,
                        "paths held: " + pipeline.internedPaths()));
    }

    @Test
    void processesGoneWithoutAnExitRecordAreSweptAndReported() throws Exception {
        Interner paths = new Interner();
        ProcessTable table = new ProcessTable(paths, new ProcFs(proc));
        table.get(PID);
        table.get(PID + 1); // not in this /proc: its exit was lost
        table.fork(PID, PID + 2);
        Files.createDirectories(proc.resolve((PID + 2) + "/fd"));
        List<Integer> gone = new ArrayList<>();

        table.sweepGone(gone::add);

        assertAll(() -> assertEquals(List.of(PID + 1), gone), () -> assertEquals(2, table.size()));
    }
}
