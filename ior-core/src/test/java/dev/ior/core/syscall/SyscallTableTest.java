package dev.ior.core.syscall;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.IorException;
import java.util.List;
import java.util.Map;
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
        assertEquals(List.of(), required.stream().filter(n -> !table.byName(n).orElseThrow().tracedByDefault())
                .toList(), "the file-I/O coverage is traced by default");
    }

    @Test
    void lookupsByNumberNameAndOpcodeAgree() {
        assertAll(() -> assertEquals("read", table.byNr(0).name()), () -> assertEquals("openat", table.byNr(257).name()),
                () -> assertEquals("newfstatat", table.byNr(262).name()),
                () -> assertEquals("io_uring:read", table.byUringOp(22).name()),
                () -> assertEquals("io_uring:openat", table.byUringOp(18).name()),
                () -> assertTrue(table.byUringOp(22).isUringOperation()),
                () -> assertEquals("sched_yield", table.byNr(24).name()),
                () -> assertFalse(table.byNr(24).tracedByDefault(), "sched_yield is not traced by default"),
                () -> assertNull(table.byNr(1000)),
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
        assertEquals(List.of("open", "openat", "openat2", "open_by_handle_at", "open_tree", "open_tree_attr"),
                names(table.select(Set.of("open*"))));
        assertEquals(List.of("open", "openat", "open_by_handle_at"),
                names(table.select(Set.of("open*", "!openat2", "!open_tree*"))));
        assertEquals(63, table.select(Set.of("io_uring:*")).size());
        assertEquals(table.defaults(), table.select(Set.of()));
        assertEquals(table.defaults().size() - 63, table.select(Set.of("!io_uring:*")).size());
        assertEquals(table.all(), table.select(Set.of("*")));
        assertEquals(List.of("dup", "dup2", "dup3"), names(table.select(Set.of("dup?", "dup"))));
    }

    @Test
    void aPatternThatMatchesNothingIsAUsageError() {
        IorException e = assertThrows(IorException.class, () -> table.select(Set.of("read", "!nosuch*")));
        assertAll(() -> assertEquals(IorException.USAGE_ERROR, e.exitCode()),
                () -> assertTrue(e.getMessage().startsWith("no syscall matches 'nosuch*'"), e.getMessage()));
    }

    @Test
    void everyFamilyHasSyscallsAndTheFsFamilyIsTracedByDefault() {
        for (SyscallFamily family : SyscallFamily.values()) {
            assertFalse(table.select(Set.of(SyscallPattern.of(family))).isEmpty(), family.label());
        }
        assertEquals(List.of(), names(table.all().stream().filter(s -> s.family() == SyscallFamily.FS
                && !s.tracedByDefault()).toList()));
        assertTrue(table.all().stream().filter(Syscall::isUringOperation).allMatch(s -> s.family() == SyscallFamily.AIO));
    }

    @Test
    void whatIsNotTracedByDefaultIsInTheTableAndSaysWhy() {
        Map<String, String> reasons = SyscallTable.notTracedByDefault();
        assertEquals(List.of(), reasons.keySet().stream().filter(n -> table.byName(n).isEmpty()).toList(),
                "listed in syscalls-ignored.tsv but not in syscalls.tsv");
        assertEquals(List.of(), reasons.entrySet().stream().filter(e -> e.getValue().isBlank()).map(Map.Entry::getKey)
                .toList(), "not traced by default without a reason");
        assertEquals(List.of(), names(table.all().stream().filter(s -> !s.tracedByDefault() && !reasons.containsKey(
                s.name())).toList()));
    }

    @Test
    void theDefaultSetIsTheFsFamilyAndTheCoverageListOfOtherFamilies() {
        assertEquals(List.of("socket", "socketpair", "accept", "accept4", "memfd_create", "memfd_secret",
                "userfaultfd", "mmap", "msync", "munmap", "signalfd", "signalfd4", "pipe", "pipe2", "eventfd", "eventfd2",
                "timerfd_create", "pidfd_open", "pidfd_getfd", "epoll_create", "epoll_create1", "io_uring_setup",
                "io_uring_enter", "io_uring_register", "io_setup", "io_submit", "io_getevents", "io_pgetevents",
                "io_cancel", "io_destroy"), names(table.defaults().stream()
                .filter(s -> s.family() != SyscallFamily.FS && !s.isUringOperation())
                .sorted(java.util.Comparator.comparing((Syscall s) -> s.family()).thenComparing(Syscall::id)).toList()));
        assertEquals(table.all().size() - SyscallTable.notTracedByDefault().size(), table.defaults().size());
    }

    @Test
    void familiesKindsAndNamesAddUpAndAnExclusionWins() {
        assertEquals(List.of("socket", "socketpair", "accept", "accept4", "bind", "connect", "listen", "getsockname",
                "getpeername", "getsockopt", "setsockopt", "shutdown", "sendto", "recvfrom", "sendmsg", "recvmsg",
                "sendmmsg", "recvmmsg"), names(table.select(Set.of("family:network"))));
        assertEquals(List.of("socket", "socketpair", "accept", "accept4", "bind", "connect", "listen", "getsockname",
                        "getpeername", "getsockopt", "setsockopt", "shutdown", "recvfrom", "recvmsg", "sendmmsg",
                        "recvmmsg", "nanosleep"),
                names(table.select(List.of("family:Network", "nanosleep", "!sendto", "!sendmsg"))));
        assertEquals(List.of("epoll_create", "epoll_create1", "poll", "ppoll", "select", "pselect6"),
                names(table.select(List.of("family:Polling", "!kind:fd"))));
        List<Syscall> paths = table.select(Set.of("kind:path"));
        assertTrue(paths.stream().allMatch(s -> s.has(ArgRole.PATH) || s.has(ArgRole.PATH2) || s.has(ArgRole.TARGET)));
        assertTrue(names(paths).containsAll(List.of("openat", "rename", "symlink", "mount", "acct")));
        List<Syscall> none = table.select(Set.of("kind:none"));
        assertTrue(names(none).containsAll(List.of("getpid", "sched_yield", "sync")));
        assertTrue(none.stream().noneMatch(s -> s.has(ArgRole.FD) || s.has(ArgRole.PATH)));
        List<Syscall> everything = table.select(List.of("default", "family:Misc"));
        assertTrue(everything.containsAll(table.defaults()) && names(everything).contains("perf_event_open"));
    }

    @Test
    void anUnknownFamilyOrKindOrAnEmptySelectionIsAUsageError() {
        IorException family = assertThrows(IorException.class, () -> table.select(Set.of("family:Netwrk")));
        assertEquals("unknown syscall family 'Netwrk' (families: FS, Network, Memory, Signals, Sched, IPC, Time, "
                + "Process, Security, Polling, AIO, Misc)", family.getMessage());
        IorException kind = assertThrows(IorException.class, () -> table.select(Set.of("kind:buffer")));
        assertEquals("unknown argument kind 'buffer' (kinds: fd, path, none)", kind.getMessage());
        IorException empty = assertThrows(IorException.class, () -> table.select(List.of("family:Time", "!family:Time")));
        assertAll(() -> assertEquals(IorException.USAGE_ERROR, empty.exitCode()),
                () -> assertEquals("the syscall selection family:Time,!family:Time leaves nothing to trace",
                        empty.getMessage()));
    }

    @Test
    void attachingAndDetachingAFamilyKeepsTheRestOfTheSelection() {
        Set<String> withNetwork = SyscallPattern.withFamily(Set.of(), SyscallFamily.NETWORK, true);
        assertEquals(List.of("default", "family:Network"), List.copyOf(withNetwork));
        assertEquals(table.defaults().size() + 14, table.select(withNetwork).size(), "14 network calls are not default");
        Set<String> withoutFs = SyscallPattern.withFamily(withNetwork, SyscallFamily.FS, false);
        assertEquals(List.of("default", "family:Network", "!family:FS"), List.copyOf(withoutFs));
        assertTrue(table.select(withoutFs).stream().noneMatch(s -> s.family() == SyscallFamily.FS));
        assertEquals(List.of("default", "family:Network", "family:FS"),
                List.copyOf(SyscallPattern.withFamily(withoutFs, SyscallFamily.FS, true)));
        assertEquals(List.of("default"), List.copyOf(SyscallPattern.withFamily(withNetwork, SyscallFamily.NETWORK,
                false)).subList(0, 1));
        IorException nothing = assertThrows(IorException.class,
                () -> SyscallPattern.withFamily(List.of("family:Time"), SyscallFamily.TIME, false));
        assertEquals("detaching Time leaves nothing to trace", nothing.getMessage());
    }
}
