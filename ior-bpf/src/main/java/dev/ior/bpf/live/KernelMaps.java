package dev.ior.bpf.live;

import dev.ior.bpf.ffi.Libbpf;
import dev.ior.bpf.ffi.ior_filter;
import dev.ior.bpf.ffi.ior_syscall_conf;
import dev.ior.bpf.libbpf.BpfException;
import dev.ior.bpf.libbpf.BpfObject;
import dev.ior.bpf.sys.Libc;
import dev.ior.core.KernelFilter;
import dev.ior.core.syscall.ArgRole;
import dev.ior.core.syscall.Syscall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
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
    private final int filterFd;
    private final int pidsFd;
    private final int countersFd;
    private final int cpus;
    private final Set<Integer> pidsInMap = new HashSet<>();

    KernelMaps(BpfObject object) {
        this.syscallsFd = object.mapFd("ior_syscalls");
        this.filterFd = object.mapFd("ior_filter");
        this.pidsFd = object.mapFd("ior_pids");
        this.countersFd = object.mapFd("ior_counters");
        this.cpus = Libbpf.libbpf_num_possible_cpus();
    }

    /** Turns tracing of {@code syscall} on (with its string arguments) or off. */
    void setTraced(Syscall syscall, boolean traced) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment conf = arena.allocate(ior_syscall_conf.layout());
            ior_syscall_conf.traced(conf, (byte) (traced ? 1 : 0));
            ior_syscall_conf.path_arg(conf, oneBased(syscall, ArgRole.PATH));
            ior_syscall_conf.path2_arg(conf, oneBased(syscall, ArgRole.PATH2));
            ior_syscall_conf.deref_arg(conf, oneBased(syscall, ArgRole.DEREF));
            update(syscallsFd, arena.allocateFrom(ValueLayout.JAVA_INT, syscall.nr()), conf, "ior_syscalls");
        }
    }

    /** Replaces the filters; the pid set is rewritten to hold exactly {@code filter.pids()}. */
    synchronized void setFilter(KernelFilter filter) {
        try (Arena arena = Arena.ofConfined()) {
            for (int pid : filter.pids()) {
                if (pidsInMap.add(pid)) {
                    update(pidsFd, arena.allocateFrom(ValueLayout.JAVA_INT, pid),
                            arena.allocateFrom(ValueLayout.JAVA_BYTE, (byte) 1), "ior_pids");
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
            byte[] comm = filter.comm().getBytes(StandardCharsets.UTF_8);
            MemorySegment.copy(comm, 0, ior_filter.comm(value), ValueLayout.JAVA_BYTE, 0, Math.min(comm.length, 15));
            update(filterFd, arena.allocateFrom(ValueLayout.JAVA_INT, 0), value, "ior_filter");
        }
    }

    /** Counter {@code index} (enum ior_counter) summed over every CPU. */
    long counter(int index) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocate(8L * cpus, 8);
            int rc = Libbpf.bpf_map_lookup_elem(countersFd, arena.allocateFrom(ValueLayout.JAVA_INT, index), values);
            if (rc != 0) {
                return 0;
            }
            long sum = 0;
            for (int cpu = 0; cpu < cpus; cpu++) {
                sum += values.getAtIndex(ValueLayout.JAVA_LONG, cpu);
            }
            return sum;
        }
    }

    /** Syscalls currently traced, for the caller to diff against. */
    static Set<Integer> nrs(Collection<Syscall> syscalls) {
        Set<Integer> nrs = new HashSet<>();
        syscalls.forEach(s -> nrs.add(s.nr()));
        return nrs;
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
