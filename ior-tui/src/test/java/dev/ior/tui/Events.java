package dev.ior.tui;

import dev.ior.core.EventRecord;
import dev.ior.core.IorEvent;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallTable;
import java.util.ArrayList;
import java.util.List;

/** Handcrafted events on ior's own syscall table, for exact expectations on what the dashboard shows. */
public final class Events {

    public static final long US = 1_000L;
    public static final long MS = 1_000_000L;
    public static final long S = 1_000_000_000L;

    private Events() {
    }

    /**
     * One event at {@code timeNs}; {@code ret} below 0 is a failure with errno {@code -ret},
     * bytes are {@code ret} for successful reads and writes.
     */
    public static EventRecord ev(long timeNs, String comm, int pid, int tid, String syscall, String file,
                                 long latencyNs, long gapNs, long ret) {
        Syscall s = SyscallTable.builtIn().byName(syscall).orElseThrow();
        int errno = ret < 0 ? (int) -ret : 0;
        long bytes = errno == 0 && (s.kind().readsBytes() || s.kind().writesBytes()) ? ret : 0;
        return new EventRecord(0, timeNs, timeNs, gapNs, latencyNs, comm, pid, tid, s, 3, ret, bytes, file, "", -1,
                false, errno, 0);
    }

    /**
     * Ten events: bash (pid 10, 11) reads /etc/hosts three times, opens it once, writes
     * /tmp/a twice; cat (pid 20) reads /etc/hosts once and /usr/lib/libc.so twice, and
     * one of its threads closes an fd of no known file. Latencies 1 us but cat's libc reads (100 us) and the
     * close (2 ms); 100 ms apart.
     */
    public static List<IorEvent> workload() {
        List<IorEvent> events = new ArrayList<>(List.of(
                ev(0, "bash", 10, 10, "read", "/etc/hosts", US, 0, 100),
                ev(0, "bash", 10, 10, "read", "/etc/hosts", US, 5 * US, 100),
                ev(0, "bash", 10, 10, "read", "/etc/hosts", US, 5 * US, 100),
                ev(0, "bash", 10, 10, "openat", "/etc/hosts", US, 5 * US, 3),
                ev(0, "bash", 11, 11, "write", "/tmp/a", US, 0, 10),
                ev(0, "bash", 11, 11, "write", "/tmp/a", US, 20 * US, 10),
                ev(0, "cat", 20, 20, "read", "/etc/hosts", US, 0, 50),
                ev(0, "cat", 20, 20, "read", "/usr/lib/libc.so", 100 * US, 7 * US, 1000),
                ev(0, "cat", 20, 20, "read", "/usr/lib/libc.so", 100 * US, 7 * US, 1000),
                ev(0, "cat", 20, 21, "close", "", 2 * MS, 0, 0)));
        for (int i = 0; i < events.size(); i++) {
            EventRecord e = (EventRecord) events.get(i);
            long t = S + i * 100 * MS;
            events.set(i, new EventRecord(0, t, t, e.gapNs(), e.latencyNs(), e.comm(), e.pid(), e.tid(), e.syscall(),
                    e.fd(), e.ret(), e.bytes(), e.file(), e.oldFile(), e.oldFd(), false, e.errno(), 0));
        }
        return events;
    }
}
