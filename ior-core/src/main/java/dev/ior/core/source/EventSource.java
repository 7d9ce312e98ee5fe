package dev.ior.core.source;

import dev.ior.core.KernelFilter;
import dev.ior.core.Sampling;
import dev.ior.core.SyscallSampling;
import dev.ior.core.TraceSettings;
import dev.ior.core.proc.ProcFs;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where events come from: the live kernel (ior-bpf), a recording, or a synthetic
 * generator. A session opens a source, runs it on its pipeline thread and closes it.
 */
public interface EventSource extends AutoCloseable {

    /**
     * Gets ready to deliver: a live source checks privileges, loads and attaches its
     * probes here. Failures are {@link dev.ior.core.IorException}s with a message for
     * the user.
     */
    void open(TraceSettings settings);

    /**
     * Delivers events to {@code sink} on the calling thread until {@link #stop()} is
     * called or the source has no more.
     */
    void run(EventSink sink);

    /** Makes {@link #run} return soon; callable from any thread. */
    void stop();

    /** The source's own counters; callable from any thread. */
    SourceCounters counters();

    /** Nanoseconds to add to an event's CLOCK_BOOTTIME time to get Unix epoch time. */
    long bootToWallOffsetNs();

    /**
     * Replaces the kernel-side filters while running. Sources without a kernel side
     * apply them in their own reading loop.
     */
    void setFilter(KernelFilter filter);

    /**
     * Replaces the probe set while running (patterns as in {@link TraceSettings#syscalls()}).
     * A live source rewrites its kernel settings; a source whose events are fixed
     * (a recording) cannot and says so.
     */
    default void setSyscalls(Set<String> patterns) {
        throw new UnsupportedOperationException("this event source cannot change its probe set");
    }

    /**
     * Replaces the sampling while running. A source whose events are fixed (a recording)
     * cannot and says so.
     */
    default void setSampling(Sampling sampling) {
        throw new UnsupportedOperationException("this event source cannot sample");
    }

    /**
     * Where to say what the user should know that does not stop the source (a feature
     * this kernel lacks, children --follow could not follow): the session's warnings.
     * Called once, before {@link #open}; a source may call {@code warnings} from any of
     * its threads.
     */
    default void onWarning(Consumer<String> warnings) {
    }

    /** The kernel's totals of every sampled syscall traced now; empty when nothing is sampled. */
    default List<SyscallSampling> samplingTotals() {
        return List.of();
    }

    /**
     * The syscalls and io_uring operations this source can deliver events of: for a live
     * source those the running kernel has, for others every one ior knows.
     */
    default List<Syscall> available() {
        return SyscallTable.builtIn().all();
    }

    /**
     * The syscalls and io_uring operations this source delivers events of now: for a live
     * source the selection among the {@link #available} ones; for others every one.
     */
    default List<Syscall> traced() {
        return available();
    }

    /**
     * Where fds and working directories of processes that predate the session are
     * read: the host's /proc for a live source, nothing for recorded or made-up events.
     */
    default ProcFs procFs() {
        return ProcFs.NONE;
    }

    /**
     * How many entries the source's kernel-side hash maps hold now, by map name (empty
     * for sources without a kernel side): per-process and per-request state that must
     * not grow without bound. Callable from any thread.
     */
    default Map<String, Long> kernelMapEntries() {
        return Map.of();
    }

    /** Detaches and frees everything the source holds; idempotent. */
    @Override
    void close();
}
