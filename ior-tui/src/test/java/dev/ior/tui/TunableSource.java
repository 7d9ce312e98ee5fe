package dev.ior.tui;

import dev.ior.core.IorEvent;
import dev.ior.core.KernelFilter;
import dev.ior.core.SyscallSampling;
import dev.ior.core.TraceSettings;
import dev.ior.core.proc.ProcFs;
import dev.ior.core.source.EventSink;
import dev.ior.core.source.EventSource;
import dev.ior.core.source.SourceCounters;
import dev.ior.core.synthetic.SyntheticSource;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallTable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Synthetic events from a source that, like the live kernel, changes its probe set
 * while running (selecting with ior's own syscall table) and reports sampling totals;
 * a probe change can be held until the test lets it finish, as a slow kernel update.
 */
public final class TunableSource implements EventSource {

    private final SyntheticSource events;
    private volatile List<Syscall> traced = SyscallTable.builtIn().defaults();
    private volatile List<SyscallSampling> samplingTotals = List.of();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private ProcFs procFs = ProcFs.NONE;
    private long lost;

    public TunableSource(List<? extends IorEvent> events) {
        this.events = SyntheticSource.of(events);
    }

    /** Probe changes from now on wait until {@link #release()}. */
    public void holdProbeChanges() {
        hold = new CountDownLatch(1);
    }

    /** Lets held probe changes finish. */
    public void release() {
        hold.countDown();
    }

    /** Processes and threads are looked up in {@code newProcFs}, as a live source looks them up in /proc. */
    public TunableSource procFs(ProcFs newProcFs) {
        procFs = newProcFs;
        return this;
    }

    /** The kernel's ring is said to have lost {@code events} events. */
    public TunableSource lost(long events) {
        lost = events;
        return this;
    }

    @Override
    public ProcFs procFs() {
        return procFs;
    }

    /** What {@link #samplingTotals()} reports from now on. */
    public void samplingTotals(List<SyscallSampling> totals) {
        samplingTotals = List.copyOf(totals);
    }

    @Override
    public void setSyscalls(Set<String> patterns) {
        List<Syscall> selected = SyscallTable.builtIn().select(patterns); // a bad selection throws before the wait
        try {
            if (!hold.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the probe change");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        traced = selected;
    }

    @Override
    public List<Syscall> traced() {
        return traced;
    }

    @Override
    public List<SyscallSampling> samplingTotals() {
        return samplingTotals;
    }

    @Override
    public void open(TraceSettings settings) {
        events.open(settings);
        if (!settings.syscalls().isEmpty()) {
            traced = SyscallTable.builtIn().select(settings.syscalls());
        }
    }

    @Override
    public void run(EventSink sink) {
        events.run(sink);
    }

    @Override
    public void stop() {
        events.stop();
    }

    @Override
    public SourceCounters counters() {
        SourceCounters c = events.counters();
        return new SourceCounters(c.emitted(), lost, c.lostNoSlot(), c.unmatchedExits(), c.filteredKernel(),
                c.rejectedKernel(), c.lostUring(), c.ringFill());
    }

    @Override
    public long bootToWallOffsetNs() {
        return events.bootToWallOffsetNs();
    }

    @Override
    public void setFilter(KernelFilter filter) {
        events.setFilter(filter);
    }

    @Override
    public void close() {
        events.close();
    }
}
