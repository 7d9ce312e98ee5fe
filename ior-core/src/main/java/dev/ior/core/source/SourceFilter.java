package dev.ior.core.source;

import dev.ior.core.IorEvent;
import dev.ior.core.KernelFilter;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallTable;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kernel-side filters (pid, tid, comm, syscalls, minimum latency) applied in user
 * space, by sources that have no kernel to apply them (synthetic, replay), so a
 * session filters the same way whatever it reads. Used by the source's thread; the
 * filter may be replaced from any thread.
 */
public final class SourceFilter {

    private final Set<String> syscalls;
    private volatile KernelFilter filter;
    private volatile long tooFast;

    /**
     * Filters by {@code filter} and the syscall patterns {@code syscalls} (names, globs,
     * {@code !} exclusions, as {@link SyscallTable#select}); none = every syscall.
     */
    public SourceFilter(KernelFilter filter, Set<String> syscalls) {
        this.filter = filter;
        this.syscalls = syscalls.isEmpty() ? Set.of() : SyscallTable.builtIn().select(syscalls).stream()
                .map(Syscall::name).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether {@code event} passes, as the kernel would have decided. */
    public boolean accepts(IorEvent event) {
        KernelFilter f = filter;
        if (!f.pids().isEmpty() && !f.pids().contains(event.pid())
                || f.tid() != 0 && f.tid() != event.tid()
                || !f.comm().isEmpty() && !f.comm().equals(event.comm())
                || !syscalls.isEmpty() && !syscalls.contains(event.syscall().name())) {
            return false;
        }
        if (event.latencyNs() < f.minLatencyNs()) {
            tooFast++; // the one filter the kernel side counts
            return false;
        }
        return true;
    }

    /** Replaces the filters. */
    public void set(KernelFilter newFilter) {
        filter = newFilter;
    }

    /** Events dropped for being faster than the minimum latency. */
    public long filteredByLatency() {
        return tooFast;
    }
}
