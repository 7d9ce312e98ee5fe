package dev.ior.core.syscall;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.IorException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyscallTableTest {

    private final SyscallTable table = SyscallTable.builtIn();

    private List<String> names(List<Syscall> syscalls) {
        return syscalls.stream().map(Syscall::name).toList();
    }

    @Test
    void everyFileIoSyscallOfTheIssueIsInTheTable() {
        List<String> required = List.of("open", "openat", "openat2", "creat", "open_by_handle_at", "name_to_handle_at",
                "read", "pread64", "readv", "preadv", "preadv2", "write", "pwrite64", "writev", "pwritev", "pwritev2",
                "sendfile64", "splice", "tee", "vmsplice", "copy_file_range", "lseek", "close", "close_range", "dup",
                "dup2", "dup3", "fcntl", "ioctl", "flock", "fsync", "fdatasync", "sync", "syncfs", "sync_file_range",
                "fallocate", "ftruncate", "truncate", "fadvise64", "readahead", "mmap", "msync", "munmap",
                "getdents64", "newstat", "newlstat", "newfstat", "newfstatat", "statx", "statfs", "fstatfs", "access",
                "faccessat", "faccessat2", "readlink", "readlinkat", "rename", "renameat", "renameat2", "link",
                "linkat", "symlink", "symlinkat", "unlink", "unlinkat", "mkdir", "mkdirat", "rmdir", "mknod",
                "mknodat", "chdir", "fchdir", "chmod", "fchmod", "fchmodat", "chown", "fchown", "lchown", "fchownat",
                "utimensat", "setxattr", "lsetxattr", "fsetxattr", "getxattr", "lgetxattr", "fgetxattr", "listxattr",
                "llistxattr", "flistxattr", "removexattr", "lremovexattr", "fremovexattr", "inotify_add_watch",
                "fanotify_mark", "io_uring_setup", "io_uring_enter", "io_uring_register", "io_setup", "io_submit",
                "io_getevents", "io_pgetevents", "io_cancel", "io_destroy", "pipe2", "socket", "eventfd2",
                "epoll_create1", "memfd_create");
        assertEquals(List.of(), required.stream().filter(n -> table.byName(n).isEmpty()).toList());
    }

    @Test
    void lookupsByNumberNameAndOpcodeAgree() {
        assertAll(() -> assertEquals("read", table.byNr(0).name()), () -> assertEquals("openat", table.byNr(257).name()),
                () -> assertEquals("newfstatat", table.byNr(262).name()),
                () -> assertEquals("io_uring:read", table.byUringOp(22).name()),
                () -> assertEquals("io_uring:openat", table.byUringOp(18).name()),
                () -> assertTrue(table.byUringOp(22).isUringOperation()),
                () -> assertNull(table.byNr(24), "sched_yield is not traced"),
                () -> assertNull(table.byUringOp(200)));
        for (Syscall s : table.all()) {
            Syscall same = s.isUringOperation() ? table.byUringOp(s.nr()) : table.byNr(s.nr());
            assertEquals(s, same, s.name());
            assertEquals(s, table.byId(s.id()));
        }
    }

    @Test
    void theRolesAndEffectsFitTogether() {
        for (Syscall s : table.all()) {
            assertAll(s.name(),
                    () -> assertTrue(s.effect() != Effect.DUP_TO || s.has(ArgRole.FD2), "dup_to needs fd2"),
                    () -> assertTrue(s.effect() != Effect.PIPE || s.has(ArgRole.DEREF), "pipe needs deref"),
                    () -> assertTrue(!s.has(ArgRole.PATH2) || s.has(ArgRole.PATH) || s.has(ArgRole.TARGET),
                            "a second path needs a first"),
                    () -> assertTrue(s.kind() != SyscallClass.TRANSFER || s.has(ArgRole.FD2), "transfers write fd2"),
                    () -> assertTrue(s.args().size() <= 6));
        }
        Syscall sendfile = table.byName("sendfile64").orElseThrow();
        assertEquals(List.of(ArgRole.FD2, ArgRole.FD, ArgRole.OTHER, ArgRole.COUNT), sendfile.args(),
                "sendfile(out_fd, in_fd, offset, count)");
        assertEquals(4, table.byName("mmap").orElseThrow().arg(ArgRole.FD), "mmap's fd is its fifth argument");
    }

    @Test
    void patternsSelectByNameGlobAndExclusion() {
        assertEquals(List.of("openat"), names(table.select(Set.of("openat"))));
        assertEquals(List.of("open", "openat", "openat2", "open_by_handle_at"), names(table.select(Set.of("open*"))));
        assertEquals(List.of("open", "openat", "open_by_handle_at"), names(table.select(Set.of("open*", "!openat2"))));
        assertEquals(63, table.select(Set.of("io_uring:*")).size());
        assertEquals(table.all(), table.select(Set.of()));
        assertEquals(table.all().size() - 63, table.select(Set.of("!io_uring:*")).size());
        assertEquals(List.of("dup", "dup2", "dup3"), names(table.select(Set.of("dup?", "dup"))));
    }

    @Test
    void aPatternThatMatchesNothingIsAUsageError() {
        IorException e = assertThrows(IorException.class, () -> table.select(Set.of("read", "!nosuch*")));
        assertAll(() -> assertEquals(IorException.USAGE_ERROR, e.exitCode()),
                () -> assertTrue(e.getMessage().startsWith("no syscall ior traces matches 'nosuch*'"), e.getMessage()));
    }
}
