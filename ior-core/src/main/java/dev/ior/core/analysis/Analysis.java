package dev.ior.core.analysis;

import dev.ior.core.IorEvent;
import dev.ior.core.SessionCounters;
import dev.ior.core.filter.FilterFrame;
import dev.ior.core.filter.FilterStack;
import dev.ior.core.flame.PauseMode;
import dev.ior.core.pipeline.InternedEvent;
import dev.ior.core.text.HeldIds;
import dev.ior.core.text.IdHolder;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A session's aggregations: per syscall, file, process and comm tables, latency and gap
 * histograms, sparklines and heatmap, the flamegraph model, the stream tail and the
 * session's health, all narrowed by a filter stack.
 *
 * <p><b>Threads.</b> One thread feeds events ({@link #onEvent}; the session's reading
 * thread), without locks or allocation per event. Any thread reads: {@link #snapshot()}
 * returns the latest published {@link Snapshot}, published every
 * {@link AnalysisSettings#publishInterval()} while events arrive, when the feeding
 * thread flushes, and on demand ({@link #requestSnapshot()}). Controls (filter frames,
 * flamegraph reset and pause) may be called from any thread: they are queued and
 * applied by the feeding thread between two events, then a snapshot is published.
 * Before feeding starts and after it ends, the calling thread applies them itself, so
 * a finished session (a replayed recording) can still be filtered and browsed.
 */
public final class Analysis {

    /** Check for controls and the publish deadline once per this many events. */
    private static final int CHECK_EVERY = 1024;

    private final Aggregator aggregator;
    private final long publishIntervalNanos;
    private final ReentrantLock owner = new ReentrantLock();
    private final ConcurrentLinkedQueue<Consumer<Aggregator>> controls = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Snapshot>> requests = new ConcurrentLinkedQueue<>();
    private volatile boolean pending;
    private volatile Snapshot latest;
    private FilterStack requested = FilterStack.EMPTY;
    private long sinceCheck;
    private long lastPublishNanos;

    /**
     * Aggregations with {@code settings}; {@code counters} supplies the session's
     * counters for the health figures (called on the feeding thread at publication).
     */
    public Analysis(AnalysisSettings settings, Supplier<SessionCounters> counters) {
        this.aggregator = new Aggregator(settings, counters);
        this.publishIntervalNanos = settings.publishInterval().toNanos();
        this.latest = aggregator.snapshot();
    }

    // ---- reading, from any thread

    /** The latest published snapshot (an empty one before the first event); never null. */
    public Snapshot snapshot() {
        return latest;
    }

    /**
     * A snapshot published after this call: by the feeding thread at its next check (at
     * most a few thousand events or one idle wake-up away), or at once when nothing feeds.
     */
    public CompletableFuture<Snapshot> requestSnapshot() {
        CompletableFuture<Snapshot> future = new CompletableFuture<>();
        requests.add(future);
        pending = true;
        applyIfNotFeeding();
        return future;
    }

    // ---- controls, from any thread

    /** The filter stack as pushed and popped so far (applied within moments). */
    public synchronized FilterStack filters() {
        return requested;
    }

    /**
     * Pushes a frame read from {@code text} ({@code comm~bash}).
     *
     * @return the new stack
     * @throws dev.ior.core.filter.FilterSyntaxException naming the position, when the text is not a frame
     */
    public FilterStack push(String text) {
        return push(FilterFrame.parse(text));
    }

    /** Pushes {@code frame} on top of the filter stack; returns the new stack. */
    public synchronized FilterStack push(FilterFrame frame) {
        Objects.requireNonNull(frame);
        requested = requested.push(frame);
        control(a -> a.push(frame));
        return requested;
    }

    /** Pops the top frame (nothing when the stack is empty); returns the new stack. */
    public synchronized FilterStack pop() {
        requested = requested.pop();
        control(Aggregator::pop);
        return requested;
    }

    /** Pops every frame. */
    public synchronized void clearFilters() {
        requested = FilterStack.EMPTY;
        control(Aggregator::clear);
    }

    /** Forgets the flamegraph's counts so far: it shows only events from now on. Tables are kept. */
    public void resetFlame() {
        control(Aggregator::resetFlame);
    }

    /** Freezes the flamegraph's picture; {@code mode} says whether counting goes on meanwhile. */
    public void pauseFlame(PauseMode mode) {
        Objects.requireNonNull(mode);
        control(a -> a.pauseFlame(mode));
    }

    /** Unfreezes the flamegraph. */
    public void resumeFlame() {
        control(Aggregator::resumeFlame);
    }

    // ---- feeding, from one thread

    /** The calling thread becomes the feeding thread until {@link #stopFeeding()}. */
    public void startFeeding() {
        owner.lock();
        aggregator.startFeeding();
        lastPublishNanos = System.nanoTime();
    }

    /**
     * Counts one event. It must come from ior's pipeline (whose events carry their
     * interned ids); valid only during the call, as always.
     *
     * @return whether the event passes the filter stack
     */
    public boolean onEvent(IorEvent event) {
        boolean passes = aggregator.record((InternedEvent) event);
        if (++sinceCheck == CHECK_EVERY) {
            sinceCheck = 0;
            check();
        }
        return passes;
    }

    /**
     * What the aggregates hold of the pipeline's interned ids, for the pipeline to keep
     * them when it frees the others ({@link dev.ior.core.pipeline.EventPipeline#retainIdsOf}).
     * Called on the feeding thread only.
     */
    public IdHolder heldIds() {
        return new IdHolder() {
            @Override
            public void markHeld(HeldIds held) {
                aggregator.markHeld(held);
            }

            @Override
            public void afterCollection() {
                aggregator.afterCollection();
            }
        };
    }

    /** {@code pid} exited: its rows are the first to go when the process table is full. */
    public void onProcessExit(int pid) {
        aggregator.processExited(pid);
    }

    /** The source caught up or a flush interval passed: apply controls, publish if due. */
    public void onFlush() {
        check();
    }

    /** Feeding ended: publishes the final snapshot and lets other threads apply controls. */
    public void stopFeeding() {
        try {
            aggregator.stopFeeding();
            applyControls();
            publish();
        } finally {
            owner.unlock();
        }
        applyIfNotFeeding();
    }

    private void check() {
        if (pending) {
            applyControls();
        }
        if (System.nanoTime() - lastPublishNanos >= publishIntervalNanos) {
            publish();
        }
    }

    private void control(Consumer<Aggregator> control) {
        controls.add(control);
        pending = true;
        applyIfNotFeeding();
    }

    /** Applies queued controls on this thread when no other thread feeds (or this one does). */
    private void applyIfNotFeeding() {
        while (pending && owner.tryLock()) {
            try {
                applyControls();
            } finally {
                owner.unlock();
            }
        }
    }

    /** Applies the queued controls; publishes when any was applied or a snapshot was requested. */
    private void applyControls() {
        pending = false;
        boolean changed = false;
        for (Consumer<Aggregator> control; (control = controls.poll()) != null; ) {
            control.accept(aggregator);
            changed = true;
        }
        if (changed || !requests.isEmpty()) {
            publish();
        }
    }

    private void publish() {
        Snapshot snapshot = aggregator.snapshot();
        latest = snapshot;
        lastPublishNanos = System.nanoTime();
        for (CompletableFuture<Snapshot> request; (request = requests.poll()) != null; ) {
            request.complete(snapshot);
        }
    }
}
