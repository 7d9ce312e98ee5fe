package dev.ior.core.testing;

import dev.ior.core.KernelFilter;
import dev.ior.core.Sampling;
import dev.ior.core.TraceSettings;
import dev.ior.core.source.EventSink;
import dev.ior.core.source.EventSource;
import dev.ior.core.source.RawEvent;
import dev.ior.core.source.SourceCounters;
import dev.ior.core.syscall.SyscallTable;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A source that keeps losing events, for adaptive narrowing without a kernel: a flush
 * tick, then three times 5 ms later 30 reads and 20 writes of pid 42 delivered and 100
 * more records counted as lost (ring full), each followed by a tick. Its windows are
 * meant to be shorter than 5 ms. It remembers every sampling the session set.
 */
public final class LossySource implements EventSource {

    /** Times the source loses {@link #LOST_PER_WINDOW} records, a tick after each. */
    public static final int WINDOWS = 3;
    /** Records lost between two ticks. */
    public static final long LOST_PER_WINDOW = 100;

    private volatile long lost;
    private final List<Sampling> samplings = new CopyOnWriteArrayList<>();

    /** Every sampling the session set, oldest first. */
    public List<Sampling> samplings() {
        return List.copyOf(samplings);
    }

    @Override
    public void open(TraceSettings settings) {
    }

    @Override
    public void run(EventSink sink) {
        sink.onIdle(); // the first tick
        for (int window = 0; window < WINDOWS; window++) {
            sleep();
            emit(sink, "read", 30);
            emit(sink, "write", 20);
            lost += LOST_PER_WINDOW;
            sink.onIdle();
        }
    }

    private static void emit(EventSink sink, String name, int count) {
        RawEvent raw = new RawEvent();
        raw.kind = RawEvent.SYSCALL;
        raw.nr = SyscallTable.builtIn().byName(name).orElseThrow().nr();
        raw.pid = 42;
        raw.tid = 42;
        raw.ret = 1;
        raw.args[0] = 1;
        raw.paths = MemorySegment.ofArray(new byte[0]);
        for (int i = 0; i < count; i++) {
            sink.onRaw(raw);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
    }

    @Override
    public SourceCounters counters() {
        return new SourceCounters(0, lost, 0, 0, 0, 0, 0, 0);
    }

    @Override
    public long bootToWallOffsetNs() {
        return 0;
    }

    @Override
    public void setFilter(KernelFilter filter) {
    }

    @Override
    public void setSampling(Sampling sampling) {
        samplings.add(sampling);
    }

    @Override
    public void close() {
    }
}
