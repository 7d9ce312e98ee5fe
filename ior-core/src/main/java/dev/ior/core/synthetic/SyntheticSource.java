package dev.ior.core.synthetic;

import dev.ior.core.IorEvent;
import dev.ior.core.KernelFilter;
import dev.ior.core.TraceSettings;
import dev.ior.core.source.EventSink;
import dev.ior.core.source.EventSource;
import dev.ior.core.source.SourceFilter;
import dev.ior.core.source.SourceCounters;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Events that need no kernel and no root: a fixed sequence (tests build exact
 * expectations on it) or an {@link EventGenerator} (demos, benchmarks). Events are
 * delivered resolved ({@link EventSink#onEvent}), the way a recording replays. The
 * session's kernel-side filters (pid, tid, comm, minimum latency, syscalls) are
 * applied here, as the kernel would.
 */
public final class SyntheticSource implements EventSource {

    private final Supplier<Iterator<? extends IorEvent>> events;
    private final double pacePerNano;
    private volatile boolean stopping;
    private volatile SourceFilter filter = new SourceFilter(KernelFilter.NONE, Set.of());
    private volatile long delivered;

    private SyntheticSource(Supplier<Iterator<? extends IorEvent>> events, double eventsPerSecond) {
        this.events = events;
        this.pacePerNano = eventsPerSecond / 1e9;
    }

    /** Delivers {@code events} in order, as fast as the session takes them, then ends. */
    public static SyntheticSource of(List<? extends IorEvent> events) {
        List<? extends IorEvent> copy = List.copyOf(events);
        return new SyntheticSource(copy::iterator, 0);
    }

    /** Delivers {@code count} events of {@code generator} as fast as the session takes them, then ends. */
    public static SyntheticSource generated(EventGenerator generator, long count) {
        return new SyntheticSource(() -> new Iterator<IorEvent>() {
            private long left = count;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public IorEvent next() {
                left--;
                return generator.next();
            }
        }, 0);
    }

    /** This source delivering at most {@code eventsPerSecond} of wall time (for demos). */
    public SyntheticSource paced(double eventsPerSecond) {
        return new SyntheticSource(events, eventsPerSecond);
    }

    @Override
    public void open(TraceSettings settings) {
        filter = new SourceFilter(settings.filter(), settings.syscalls());
    }

    @Override
    public void run(EventSink sink) {
        long start = System.nanoTime();
        long n = 0;
        Iterator<? extends IorEvent> it = events.get();
        while (!stopping && it.hasNext()) {
            IorEvent event = it.next();
            if (!filter.accepts(event)) {
                continue;
            }
            sink.onEvent(event);
            if ((++n & 255) != 0) {
                continue;
            }
            delivered = n; // a volatile write per event would cost more than the event
            if (pacePerNano > 0) {
                long due = start + (long) (n / pacePerNano);
                long early = due - System.nanoTime();
                if (early > 0) {
                    sink.onIdle();
                    LockSupport.parkNanos(early);
                }
            }
        }
        delivered = n;
    }

    @Override
    public void stop() {
        stopping = true;
    }

    @Override
    public SourceCounters counters() {
        return new SourceCounters(delivered, 0, 0, 0, filter.filteredByLatency(), 0, 0, 0);
    }

    @Override
    public long bootToWallOffsetNs() {
        return 0;
    }

    @Override
    public void setFilter(KernelFilter newFilter) {
        filter.set(newFilter);
    }

    @Override
    public void close() {
        stopping = true;
    }
}
