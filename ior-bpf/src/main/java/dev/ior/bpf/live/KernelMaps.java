package dev.ior.bpf.live;

import dev.ior.bpf.ffi.Libbpf;
import dev.ior.bpf.ffi.ior_filter;
import dev.ior.bpf.ffi.ior_syscall_conf;
import dev.ior.bpf.libbpf.BpfException;
import dev.ior.bpf.libbpf.BpfObject;
import dev.ior.bpf.sys.Libc;
import dev.ior.core.KernelFilter;
import dev.ior.core.syscall.ArgRole;
import dev.ior.core.syscall.Effect;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallClass;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes the settings the BPF program reads at run time (the probe set, the filters,
 * the pid set) and reads its per-CPU counters. Every write takes effect on the next
 * syscall: nothing is reloaded or reattached.
 */
final class KernelMaps {

    private static final int BPF_ANY = 0;

    private final int syscallsFd;
    private final int uringOpsFd;
    private final int filterFd;
    private final int pidsFd;
    private final int countersFd;
    private final int sampledFd;
    private final int cpus;
    private final Set<Integer> pidsInMap = new HashSet<>();

    KernelMaps(BpfObject object) {
        this.syscallsFd = object.mapFd("ior_syscalls");
        this.uringOpsFd = object.mapFd("ior_uring_ops");
        this.filterFd = object.mapFd("ior_filter");
        this.pidsFd = object.mapFd("ior_pids");
        this.countersFd = object.mapFd("ior_counters");
        this.sampledFd = object.mapFd("ior_sampled");
        this.cpus = Libbpf.libbpf_num_possible_cpus();
    }

    /**
     * Turns the events of {@code syscall} (a syscall or an io_uring operation) on or
     * off, sampled at {@code sample} (1 every call, N about one in N, 0 none). Either way,
     * a call that changes the fd table keeps being recorded for user space's fd tables
     * (track), and the kernel side learns which arguments to copy, whether the call
     * returns, and whether it resumes interrupted calls.
     */
    synchronized void setTraced(Syscall syscall, boolean traced, int sample) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment conf = arena.allocate(ior_syscall_conf.layout());
            ior_syscall_conf.traced(conf, (byte) (traced ? 1 : 0));
            ior_syscall_conf.track(conf, (byte) (syscall.changesFds() ? 1 : 0));
            ior_syscall_conf.sample(conf, sample);
            MemorySegment key = arena.allocateFrom(ValueLayout.JAVA_INT, syscall.nr());
            if (syscall.isUringOperation()) {
                update(uringOpsFd, key, conf, "ior_uring_ops");
                return;
            }
            ior_syscall_conf.path_arg(conf, oneBased(syscall, syscall.has(ArgRole.PATH) ? ArgRole.PATH : ArgRole.TARGET));
            ior_syscall_conf.path2_arg(conf, oneBased(syscall, ArgRole.PATH2));
            ior_syscall_conf.deref_arg(conf, oneBased(syscall, ArgRole.DEREF));
            ior_syscall_conf.fd_ident(conf, fdIdentity(syscall));
            ior_syscall_conf.inode_fd(conf, inodeFd(syscall));
            ior_syscall_conf.no_return(conf, (byte) (syscall.returns() ? 0 : 1));
            ior_syscall_conf.restart(conf, (byte) (syscall.effect() == Effect.RESUME ? 1 : 0));
            update(syscallsFd, key, conf, "ior_syscalls");
        }
    }

    /**
     * Whether the kernel side names the new fd(s) a successful call returns: 1 for a
     * call that makes one without a path (socket, eventfd, accept, ...), 2 for a pair.
     * Opens without a path (open_by_handle_at) name a real file, which only /proc can.
     */
    private static byte fdIdentity(Syscall syscall) {
        return switch (syscall.effect()) {
            case NEW_FD, NEW_FD_CLOEXEC -> syscall.has(ArgRole.PATH) || syscall.kind() == SyscallClass.OPEN
                    ? (byte) 0 : (byte) 1;
            case PIPE -> 2;
            default -> 0;
        };
    }

    /**
     * Whose inode the kernel side reads at exit (with the inode-identifying object): the
     * new fd of an open or dup, else the fd the call acts on; none for closes (the fd is
     * gone) and for calls whose new fd the kernel side names anyway.
     */
    private static byte inodeFd(Syscall syscall) {
        return switch (syscall.effect()) {
            case NEW_FD, NEW_FD_CLOEXEC -> fdIdentity(syscall) == 0 ? (byte) Libbpf.IOR_INODE_OF_RET() : 0;
            case DUP -> (byte) Libbpf.IOR_INODE_OF_RET();
            case CLOSE, CLOSE_RANGE, PIPE -> 0;
            default -> syscall.has(ArgRole.FD) ? oneBased(syscall, ArgRole.FD) : 0;
        };
    }

    /** Replaces the filters; the pid set is rewritten to hold exactly {@code filter.pids()}. */
    synchronized void setFilter(KernelFilter filter) {
        try (Arena arena = Arena.ofConfined()) {
            for (int pid : filter.pids()) {
                if (pidsInMap.add(pid)) {
                    update(pidsFd, arena.allocateFrom(ValueLayout.JAVA_INT, pid),
                            arena.allocateFrom(ValueLayout.JAVA_BYTE, (byte) Libbpf.IOR_PID_NAMED()), "ior_pids");
                }
            }
            pidsInMap.removeIf(pid -> {
                if (filter.pids().contains(pid)) {
                    return false;
                }
                Libbpf.bpf_map_delete_elem(pidsFd, arena.allocateFrom(ValueLayout.JAVA_INT, pid));
                return true;
            });
            MemorySegment value = arena.allocate(ior_filter.layout());
            ior_filter.use_pid_set(value, filter.pids().isEmpty() ? 0 : 1);
            ior_filter.tid(value, filter.tid());
            ior_filter.min_latency_ns(value, filter.minLatencyNs());
            ior_filter.follow(value, filter.follow() ? 1 : 0);
            byte[] comm = filter.comm().getBytes(StandardCharsets.UTF_8);
            MemorySegment.copy(comm, 0, ior_filter.comm(value), ValueLayout.JAVA_BYTE, 0, Math.min(comm.length, 15));
            update(filterFd, arena.allocateFrom(ValueLayout.JAVA_INT, 0), value, "ior_filter");
        }
    }

    /**
     * How many entries the hash map {@code fd} holds, keys of {@code keyBytes} bytes:
     * walked key by key, so for monitoring, not for every event.
     */
    static long entries(int fd, int keyBytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment key = arena.allocate(keyBytes, 8);
            MemorySegment next = arena.allocate(keyBytes, 8);
            long count = 0;
            MemorySegment from = MemorySegment.NULL; // NULL: the first key
            while (Libbpf.bpf_map_get_next_key(fd, from, next) == 0) {
                count++;
                MemorySegment.copy(next, 0, key, 0, keyBytes);
                from = key;
            }
            return count;
        }
    }

    /** Counter {@code index} (enum ior_counter) summed over every CPU. */
    long counter(int index) {
        return perCpuSums(countersFd, index, 1)[0];
    }

    /** The kernel's calls and emitted records of sampled syscall {@code nr}, summed over every CPU. */
    long[] sampled(int nr) {
        return perCpuSums(sampledFd, nr, 2);
    }

    /** The {@code longs} u64 fields of entry {@code key} of a per-CPU array, each summed over every CPU. */
    private long[] perCpuSums(int fd, int key, int longs) {
        long[] sums = new long[longs];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocate(8L * longs * cpus, 8); // per-CPU values are 8-byte aligned
            if (Libbpf.bpf_map_lookup_elem(fd, arena.allocateFrom(ValueLayout.JAVA_INT, key), values) != 0) {
                return sums;
            }
            for (int cpu = 0; cpu < cpus; cpu++) {
                for (int i = 0; i < longs; i++) {
                    sums[i] += values.getAtIndex(ValueLayout.JAVA_LONG, (long) cpu * longs + i);
                }
            }
            return sums;
        }
    }

    private static byte oneBased(Syscall syscall, ArgRole role) {
        return (byte) (syscall.arg(role) + 1);
    }

    private static void update(int fd, MemorySegment key, MemorySegment value, String map) {
        int rc = Libbpf.bpf_map_update_elem(fd, key, value, BPF_ANY);
        if (rc != 0) {
            throw new BpfException("cannot update " + map + ": " + Libc.strerror(-rc));
        }
    }
}
