package dev.ior.core;

import dev.ior.core.analysis.Analysis;
import dev.ior.core.analysis.AnalysisSettings;
import dev.ior.core.analysis.Snapshot;
import dev.ior.core.pipeline.EventPipeline;
import dev.ior.core.proc.ProcFs;
import dev.ior.core.proc.ProcessSnapshot;
import dev.ior.core.source.EventSource;
import dev.ior.core.source.LiveSourceFactory;
import dev.ior.core.source.SourceCounters;
import dev.ior.core.syscall.SyscallTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A tracing session: events from one source (the live kernel, a recording, or a
 * synthetic generator) flow through ior's pipeline to the actions registered here.
 *
 * <pre>{@code
 * try (IorSession session = IorSession.builder().pid(1234).build()) {
 *     session.onEvent(e -> System.out.println(e.syscall() + " " + e.file()));
 *     session.startAsync();
 *     session.awaitTermination(Duration.ofSeconds(5));
 *     System.out.println(session.snapshot().syscalls().sorted(Column.P99, true));
 * }
 * }</pre>
 *
 * <p>Actions run on the session's reading thread, one event at a time. The
 * {@link IorEvent} handed to {@link #onEvent} is reused for the next event: copy it
 * with {@link IorEvent#copy()} to keep it. Register actions before starting.
 *
 * <p>Unless built {@link Builder#withoutAnalysis() without}, the session aggregates
 * every event on the same thread ({@link #analysis()}): tables, histograms, the
 * flamegraph model and the stream tail, narrowed by a filter stack, read from any
 * thread as immutable {@link Snapshot}s.
 *
 * <p>{@link #close()} stops reading, detaches every probe and runs the
 * {@link #onClose} actions; it is idempotent and may be called from any thread.
 */
public final class IorSession implements AutoCloseable {

    private static final long TRACED_CHECK_NS = 250_000_000L;

    private final EventSource source;
    private final TraceSettings settings;
    private final long flushIntervalNs;
    private final Analysis analysis;
    private final List<Consumer<IorEvent>> eventActions = new CopyOnWriteArrayList<>();
    private final List<Consumer<IorEvent>> filteredActions = new CopyOnWriteArrayList<>();
    private final List<Runnable> flushActions = new CopyOnWriteArrayList<>();
    private final List<Consumer<Throwable>> errorActions = new CopyOnWriteArrayList<>();
    private final List<Runnable> closeActions = new CopyOnWriteArrayList<>();
    private final List<IntConsumer> tracedExitActions = new CopyOnWriteArrayList<>();
    /** The pids the kernel filter names (reading thread), and those of them reported gone. */
    private volatile Set<Integer> tracedPids = Set.of();
    private final Set<Integer> tracedGone = new HashSet<>();
    private long lastTracedCheckNs = System.nanoTime() - TRACED_CHECK_NS;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile EventPipeline pipeline;
    private volatile List<ProcessSnapshot> processesAtStart = List.of();
    private volatile Thread reader;
    private volatile Throwable failure;
    private volatile long droppedUser;
    /** The event actions as arrays, fixed at start: no iterator per event. */
    private Consumer<IorEvent>[] eventActionArray;
    private Consumer<IorEvent>[] filteredActionArray;

    private IorSession(Builder builder) {
        this.source = builder.source != null ? builder.source : liveSource();
        this.settings = builder.settings;
        this.flushIntervalNs = builder.flushInterval.toNanos();
        this.analysis = builder.analysis == null ? null : new Analysis(builder.analysis, this::counters);
    }

    /** A builder for a live session on every process, every syscall in ior's table. */
    public static Builder builder() {
        return new Builder();
    }

    /** Runs {@code action} for every event, on the reading thread. The event is a reused view. */
    public void onEvent(Consumer<IorEvent> action) {
        eventActions.add(Objects.requireNonNull(action));
    }

    /**
     * Runs {@code action} for every event that passes the analysis's filter stack (every
     * event when the session has no analysis), on the reading thread: what a dashboard
     * records or exports. The event is a reused view.
     */
    public void onFilteredEvent(Consumer<IorEvent> action) {
        filteredActions.add(Objects.requireNonNull(action));
    }

    /** Runs {@code action} when the source has caught up, and periodically while busy. */
    public void onFlush(Runnable action) {
        flushActions.add(Objects.requireNonNull(action));
    }

    /** Runs {@code action} when reading fails or an action throws; the session then stops. */
    public void onError(Consumer<Throwable> action) {
        errorActions.add(Objects.requireNonNull(action));
    }

    /**
     * Runs {@code action} with the pid of each process the session traces by pid
     * ({@link Builder#pid}, {@link #setFilter}) once that process has exited, on the
     * reading thread, once per pid: also when its exit was lost in a flood or came
     * before the probes were attached. The session goes on (events of other processes
     * still come); call {@link #stop()} from the action to end it.
     */
    public void onTracedProcessExit(IntConsumer action) {
        tracedExitActions.add(Objects.requireNonNull(action));
    }

    /** Runs {@code action} once the session is closed and every probe detached. */
    public void onClose(Runnable action) {
        closeActions.add(Objects.requireNonNull(action));
    }

    /**
     * Opens the source (for a live session: checks privileges, loads and attaches the
     * probes) and reads on the calling thread until {@link #close()} or the end of the
     * source.
     *
     * @throws IorException when the source cannot be opened or reading fails
     */
    public void start() {
        open();
        reader = Thread.currentThread();
        read();
        Throwable error = failure;
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
    }

    /**
     * Opens the source on the calling thread, so that failures to load or attach are
     * thrown here, then reads on a new platform thread.
     *
     * @throws IorException when the source cannot be opened
     */
    public void startAsync() {
        open();
        Thread thread = Thread.ofPlatform().name("ior-reader").daemon(true).unstarted(this::read);
        reader = thread;
        thread.start();
    }

    /** Waits until the session has stopped reading; true if it did within {@code timeout}. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Waits until the session has stopped reading. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /**
     * The session's aggregations: snapshots, the filter stack, the flamegraph's reset
     * and pause.
     *
     * @throws IllegalStateException when the session was built without analysis
     */
    public Analysis analysis() {
        if (analysis == null) {
            throw new IllegalStateException("this session was built without analysis");
        }
        return analysis;
    }

    /** The latest published snapshot of the aggregations ({@link Analysis#snapshot()}). */
    public Snapshot snapshot() {
        return analysis().snapshot();
    }

    /** The settings this session traces with. */
    public TraceSettings settings() {
        return settings;
    }

    /**
     * What the traced processes had open when the session started (their cwd and fds,
     * read from /proc); empty for sources that do not read this host.
     */
    public List<ProcessSnapshot> processesAtStart() {
        return processesAtStart;
    }

    /** Nanoseconds to add to an event's {@link IorEvent#timeNs()} for Unix epoch time. */
    public long bootToWallOffsetNs() {
        return source.bootToWallOffsetNs();
    }

    /** Replaces the kernel-side filters while the session runs. */
    public void setFilter(KernelFilter filter) {
        source.setFilter(filter);
        tracedPids = Set.copyOf(filter.pids());
    }

    /**
     * Replaces the probe set while the session runs, with the patterns of
     * {@link Builder#syscalls}: names, globs, {@code !} to exclude; none = everything.
     *
     * @throws IorException (usage) when a pattern matches no syscall ior traces
     */
    public void setSyscalls(Set<String> patterns) {
        source.setSyscalls(patterns);
    }

    /** Counts delivered, lost and dropped events; callable from any thread at any time. */
    public SessionCounters counters() {
        SourceCounters kernel = source.counters();
        EventPipeline p = pipeline;
        long events = p == null ? 0 : p.events();
        return new SessionCounters(events, kernel.lostRingFull(), kernel.lostNoSlot(), kernel.lostUring(),
                droppedUser, kernel.unmatchedExits(), kernel.filteredKernel(), kernel.rejectedKernel(),
                kernel.ringFill());
    }

    /**
     * What the session holds now (tracked processes, interned strings, aggregate keys,
     * kernel map entries): for watching memory stay bounded over a long run.
     */
    public Footprint footprint() {
        EventPipeline p = pipeline;
        int keys = analysis == null ? 0 : analysis.snapshot().health().keys();
        if (p == null) {
            return new Footprint(0, 0, 0, 0, keys, source.kernelMapEntries());
        }
        return new Footprint(p.trackedProcesses(), p.internedPaths(), p.internedComms(), p.collections(), keys,
                source.kernelMapEntries());
    }

    /** Adds events that a consumer had to drop (a full recorder queue) to the counters. */
    public void addDropped(long count) {
        droppedUser += count; // only the reading thread adds
    }

    /** The failure that stopped the session, or null. */
    public Throwable failure() {
        return failure;
    }

    /**
     * Asks the session to stop reading soon, from any thread (an action included);
     * {@link #awaitTermination} then returns. {@link #close()} is still needed to
     * detach and free everything.
     */
    public void stop() {
        source.stop();
    }

    /**
     * Stops reading, detaches every probe and frees the source, then runs the close
     * actions. Idempotent; from another thread it waits for the reader to finish.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        source.stop();
        Thread thread = reader;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                terminated.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        source.close();
        for (Runnable action : closeActions) {
            action.run();
        }
    }

    private void open() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a session can be started once");
        }
        if (closed.get()) {
            throw new IllegalStateException("the session is closed");
        }
        for (int pid : settings.filter().pids()) {
            if (source.procFs() != ProcFs.NONE && !source.procFs().exists(pid)) { // made-up events: any pid
                throw new NoSuchProcessException(pid);
            }
        }
        source.open(settings);
        tracedPids = Set.copyOf(settings.filter().pids());
        // The snapshot of what processes already have open is taken here, on the caller's
        // thread, before start returns: a process the caller runs next must not beat it.
        ProcFs procFs = source.procFs();
        EventPipeline p = new EventPipeline(SyscallTable.builtIn(), procFs, source.bootToWallOffsetNs(),
                flushIntervalNs, this::dispatch, this::flush);
        p.onProcessExit(this::processExited);
        if (analysis != null) {
            p.retainIdsOf(analysis.heldIds());
        }
        processesAtStart = p.snapshot(
                settings.filter().pids().isEmpty() ? procFs.pids() : new ArrayList<>(settings.filter().pids()));
        pipeline = p;
    }

    @SuppressWarnings("unchecked")
    private void read() {
        eventActionArray = eventActions.toArray(new Consumer[0]);
        filteredActionArray = filteredActions.toArray(new Consumer[0]);
        if (analysis != null) {
            analysis.startFeeding();
        }
        try {
            source.run(pipeline); // even when already stopped: it delivers what the kernel holds
            lastTracedCheckNs = System.nanoTime() - TRACED_CHECK_NS; // the last flush looks at /proc in any case
            flush();
        } catch (Throwable t) {
            fail(t);
        } finally {
            if (analysis != null) {
                analysis.stopFeeding(); // the final snapshot, before anyone waiting is released
            }
            terminated.countDown();
            close();
        }
    }

    private void dispatch(IorEvent event) {
        boolean passes = analysis == null || analysis.onEvent(event);
        for (Consumer<IorEvent> action : eventActionArray) {
            action.accept(event);
        }
        if (passes) {
            for (Consumer<IorEvent> action : filteredActionArray) {
                action.accept(event);
            }
        }
    }

    private void processExited(int pid) {
        if (analysis != null) {
            analysis.onProcessExit(pid);
        }
        if (tracedPids.contains(pid)) {
            tracedProcessGone(pid);
        }
    }

    private void tracedProcessGone(int pid) {
        if (tracedGone.add(pid)) {
            for (IntConsumer action : tracedExitActions) {
                action.accept(pid);
            }
        }
    }

    /**
     * A traced process whose exit record never came (lost, or before attaching) is found
     * gone here; /proc is looked at four times a second at most.
     */
    private void checkTracedProcesses() {
        ProcFs procFs = source.procFs();
        long now = System.nanoTime();
        if (procFs == ProcFs.NONE || tracedPids.isEmpty() || now - lastTracedCheckNs < TRACED_CHECK_NS) {
            return;
        }
        lastTracedCheckNs = now;
        for (int pid : tracedPids) {
            if (!tracedGone.contains(pid) && !procFs.exists(pid)) {
                tracedProcessGone(pid);
            }
        }
    }

    private void flush() {
        checkTracedProcesses();
        if (analysis != null) {
            analysis.onFlush();
        }
        for (Runnable action : flushActions) {
            action.run();
        }
    }

    private void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
        source.stop();
        for (Consumer<Throwable> action : errorActions) {
            try {
                action.accept(t);
            } catch (RuntimeException ignored) {
                // an error action that fails has nowhere left to report to
            }
        }
    }

    private static EventSource liveSource() {
        return ServiceLoader.load(LiveSourceFactory.class).findFirst()
                .orElseThrow(() -> new IorException(
                        "live tracing needs ior-bpf on the class path (dev.ior:ior-bpf)"))
                .create();
    }

    /** Builds a session. Every setting has a default: a live session tracing everything. */
    public static final class Builder {

        private EventSource source;
        private TraceSettings settings = TraceSettings.DEFAULT;
        private Duration flushInterval = Duration.ofMillis(100);
        private AnalysisSettings analysis = AnalysisSettings.DEFAULT;

        private Builder() {
        }

        /** Reads from {@code eventSource} instead of the live kernel. */
        public Builder source(EventSource eventSource) {
            this.source = Objects.requireNonNull(eventSource);
            return this;
        }

        /** All settings at once. */
        public Builder settings(TraceSettings traceSettings) {
            this.settings = Objects.requireNonNull(traceSettings);
            return this;
        }

        /** Traces only these processes (filtered in the kernel). */
        public Builder pid(int... pids) {
            List<Integer> list = new ArrayList<>();
            for (int pid : pids) {
                list.add(pid);
            }
            settings = settings.withFilter(settings.filter().withPids(Set.copyOf(list)));
            return this;
        }

        /** Traces only this thread (filtered in the kernel). */
        public Builder tid(int tid) {
            settings = settings.withFilter(settings.filter().withTid(tid));
            return this;
        }

        /** Traces only processes with this exact command name (filtered in the kernel). */
        public Builder comm(String comm) {
            settings = settings.withFilter(settings.filter().withComm(comm));
            return this;
        }

        /** Drops calls faster than {@code minimum} in the kernel. */
        public Builder minLatency(Duration minimum) {
            settings = settings.withFilter(settings.filter().withMinLatencyNs(minimum.toNanos()));
            return this;
        }

        /**
         * Traces only the syscalls these patterns select; none = every syscall and
         * io_uring operation in ior's table. A pattern is a name ({@code openat}), a glob
         * ({@code open*}, {@code io_uring:*}), or either after {@code !} to exclude.
         */
        public Builder syscalls(String... patterns) {
            settings = settings.withSyscalls(Set.of(patterns));
            return this;
        }

        /** Also traces every process the traced ones fork, from the fork on (with {@link #pid}). */
        public Builder follow(boolean follow) {
            settings = settings.withFilter(settings.filter().withFollow(follow));
            return this;
        }

        /** Aggregates with these settings (the default: {@link AnalysisSettings#DEFAULT}). */
        public Builder analysis(AnalysisSettings analysisSettings) {
            this.analysis = Objects.requireNonNull(analysisSettings);
            return this;
        }

        /** No aggregation at all, for sessions that only pass events on (a plain trace, a recording). */
        public Builder withoutAnalysis() {
            this.analysis = null;
            return this;
        }

        /** The kernel ring's size in bytes (a power of two). */
        public Builder ringBytes(long bytes) {
            settings = settings.withRingBytes(bytes);
            return this;
        }

        /** How often flush actions run while events keep coming (default 100 ms). */
        public Builder flushInterval(Duration interval) {
            this.flushInterval = Objects.requireNonNull(interval);
            return this;
        }

        /** The session; nothing is loaded or attached until it starts. */
        public IorSession build() {
            return new IorSession(this);
        }
    }
}
