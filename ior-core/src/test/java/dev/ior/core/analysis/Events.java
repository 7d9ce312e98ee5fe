package dev.ior.core.analysis;

import dev.ior.core.EventRecord;
import dev.ior.core.syscall.ArgRole;
import dev.ior.core.syscall.Effect;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallClass;
import dev.ior.core.syscall.SyscallFamily;
import java.util.List;

/** Handcrafted events on a small syscall table of the tests' own. */
final class Events {

    static final Syscall READ = fs(0, "read", 0, SyscallClass.READ, List.of(ArgRole.FD), Effect.NONE);
    static final Syscall WRITE = fs(1, "write", 1, SyscallClass.WRITE, List.of(ArgRole.FD), Effect.NONE);
    static final Syscall OPENAT = fs(2, "openat", 257, SyscallClass.OPEN, List.of(ArgRole.DIRFD, ArgRole.PATH),
            Effect.NEW_FD);
    static final Syscall CLOSE = fs(3, "close", 3, SyscallClass.FD, List.of(ArgRole.FD), Effect.CLOSE);
    static final Syscall FSYNC = fs(4, "fsync", 74, SyscallClass.SYNC, List.of(ArgRole.FD), Effect.NONE);
    static final Syscall SENDTO = new Syscall(5, "sendto", 44, SyscallFamily.NETWORK, SyscallClass.WRITE,
            List.of(ArgRole.FD), Effect.NONE, false);
    static final Syscall NANOSLEEP = new Syscall(6, "nanosleep", 35, SyscallFamily.TIME, SyscallClass.NONE,
            List.of(ArgRole.OTHER, ArgRole.OTHER), Effect.NONE, false);

    static final long MS = 1_000_000L;
    static final long US = 1_000L;
    static final long S = 1_000_000_000L;

    private Events() {
    }

    private static Syscall fs(int id, String name, int nr, SyscallClass kind, List<ArgRole> args, Effect effect) {
        return new Syscall(id, name, nr, SyscallFamily.FS, kind, args, effect, true);
    }

    /**
     * One event. {@code ret} negative is a failure with errno {@code -ret}; bytes are
     * {@code ret} for successful reads and writes.
     */
    static EventRecord ev(long timeNs, String comm, int pid, int tid, Syscall syscall, String file, long latencyNs,
                          long gapNs, long ret) {
        int errno = ret < 0 ? (int) -ret : 0;
        long bytes = errno == 0 && (syscall.kind().readsBytes() || syscall.kind().writesBytes()) ? ret : 0;
        return new EventRecord(0, timeNs, timeNs, gapNs, latencyNs, comm, pid, tid, syscall, 3, ret, bytes, file, "",
                -1, false, errno, 0);
    }
}
