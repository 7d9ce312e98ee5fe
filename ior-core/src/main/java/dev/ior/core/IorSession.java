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
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallFamily;
import dev.ior.core.syscall.SyscallPattern;
import dev.ior.core.syscall.SyscallTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

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

    private static final System.Logger LOG = System.getLogger(IorSession.class.getName());
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
    private final List<Consumer<String>> warningActions = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
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
    private volatile Set<String> syscallPatterns;
    private volatile Sampling sampling;
    /** Null unless the session narrows itself when it keeps losing events (reading thread). */
    private final AdaptiveNarrowing narrowing;
    /** The event actions as arrays, fixed at start: no iterator per event. */
    private Consumer<IorEvent>[] eventActionArray;
    private Consumer<IorEvent>[] filteredActionArray;

    private IorSession(Builder builder) {
        this.source = builder.source != null ? builder.source : liveSource();
        this.settings = builder.settings;
        this.syscallPatterns = builder.settings.syscalls();
        this.sampling = builder.settings.sampling();
        this.narrowing = builder.settings.adaptive().enabled()
                ? new AdaptiveNarrowing(builder.settings.adaptive(), SyscallTable.builtIn()) : null;
        this.flushIntervalNs = builder.flushInterval.toNanos();
        this.analysis = builder.analysis == null ? null : new Analysis(builder.analysis, this::counters);
    }

    /** A builder for a live session on every process, the default set of syscalls. */
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
     * Runs {@code action} with each warning: something the user should know that does
     * not stop the session (a thread that is not one of the traced process's, a syscall
     * that {@link Builder#adaptive adaptive narrowing} counts in the kernel only from now
     * on), on the thread that found it. Warnings are also logged (System.Logger, WARNING).
     */
    public void onWarning(Consumer<String> action) {
        warningActions.add(Objects.requireNonNull(action));
    }

    /** The warnings so far, oldest first. */
    public List<String> warnings() {
        return List.copyOf(warnings);
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
     * {@link Builder#syscalls}: names, globs, {@code family:NAME}, {@code kind:NAME},
     * {@code default}, {@code !} to exclude; none = the default set.
     *
     * @throws IorException (usage) when a pattern matches nothing or the selection leaves
     *                      nothing to trace (on this kernel)
     */
    public synchronized void setSyscalls(Set<String> patterns) {
        source.setSyscalls(patterns);
        syscallPatterns = Set.copyOf(patterns);
    }

    /** Also traces every syscall of {@code family}, from now on; the rest of the selection stays. */
    public synchronized void attachFamily(SyscallFamily family) {
        setSyscalls(SyscallPattern.withFamily(syscallPatterns, family, true));
    }

    /**
     * Stops tracing the syscalls of {@code family}; the rest of the selection stays.
     *
     * @throws IorException (usage) when nothing would be left to trace
     */
    public synchronized void detachFamily(SyscallFamily family) {
        setSyscalls(SyscallPattern.withFamily(syscallPatterns, family, false));
    }

    /**
     * Replaces the sampling while the session runs; the kernel's totals of syscalls
     * sampled before and after go on counting.
     *
     * @throws UnsupportedOperationException for a source that cannot sample (a recording)
     */
    public synchronized void setSampling(Sampling newSampling) {
        source.setSampling(newSampling);
        sampling = newSampling;
    }

    /** The sampling now, as given to the builder or {@link #setSampling}. */
    public Sampling sampling() {
        return sampling;
    }

    /**
     * The kernel's exact totals of every sampled syscall traced now (calls, and how many
     * became events); empty when every call is an event. Callable from any thread.
     */
    public List<SyscallSampling> samplingTotals() {
        return source.samplingTotals();
    }

    /** The patterns of the current selection, as given to the builder or {@link #setSyscalls}. */
    public Set<String> syscallPatterns() {
        return syscallPatterns;
    }

    /** The syscalls and io_uring operations traced now (for a live session, those this kernel has). */
    public List<Syscall> tracedSyscalls() {
        return source.traced();
    }

    /** The syscalls and io_uring operations this session could trace (for a live session, this kernel's). */
    public List<Syscall> availableSyscalls() {
        return source.available();
    }

    /** Per family, in family order: how many of its syscalls are traced now, of how many available. */
    public List<FamilyProbes> familyProbes() {
        Map<SyscallFamily, int[]> counts = new EnumMap<>(SyscallFamily.class);
        for (SyscallFamily family : SyscallFamily.values()) {
            counts.put(family, new int[2]);
        }
        source.traced().forEach(s -> counts.get(s.family())[0]++);
        source.available().forEach(s -> counts.get(s.family())[1]++);
        List<FamilyProbes> probes = new ArrayList<>();
        counts.forEach((family, n) -> probes.add(new FamilyProbes(family, n[0], n[1])));
        return probes;
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
        checkProcesses(settings.filter(), source.procFs());
        source.onWarning(this::warn);
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

    /**
     * Named processes must exist; a thread that is not one of theirs is traced nowhere,
     * which is worth a warning. Made-up and recorded events (no /proc) name any pid.
     */
    private void checkProcesses(KernelFilter filter, ProcFs procFs) {
        if (procFs == ProcFs.NONE) {
            return;
        }
        for (int pid : filter.pids()) {
            if (!procFs.exists(pid)) {
                throw new NoSuchProcessException(pid);
            }
        }
        if (filter.tid() == 0) {
            return;
        }
        if (!procFs.exists(filter.tid())) {
            throw new IorException("no thread with tid " + filter.tid() + " is running", IorException.USAGE_ERROR,
                    null);
        }
        if (!filter.pids().isEmpty() && filter.pids().stream().noneMatch(pid -> procFs.isThreadOf(filter.tid(), pid))) {
            warn("thread " + filter.tid() + " is not a thread of process " + filter.pids().stream().sorted()
                    .map(String::valueOf).collect(Collectors.joining(" or ")) + ", so nothing will be traced");
        }
    }

    private void warn(String warning) {
        warnings.add(warning);
        LOG.log(System.Logger.Level.WARNING, "warning: " + warning);
        for (Consumer<String> action : warningActions) {
            action.accept(warning);
        }
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
        if (narrowing != null) {
            narrowing.count(event.syscall());
        }
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
        if (narrowing != null) {
            narrowIfLosing();
        }
        if (analysis != null) {
            analysis.onFlush();
        }
        for (Runnable action : flushActions) {
            action.run();
        }
    }

    /** Adaptive narrowing's tick: counts the hottest syscall in the kernel only when losses persist. */
    private void narrowIfLosing() {
        AdaptiveNarrowing.Step step = narrowing.tick(System.nanoTime(), source.counters().lostRingFull(), sampling);
        if (step != null) {
            setSampling(sampling.with(step.syscall().name(), 0));
            warn(step.warning());
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

    /** Builds a session. Every setting has a default: a live session on every process, the default set of syscalls. */
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
         * Traces only the syscalls these patterns select; none = the default set (the FS
         * family, mmap, io_uring, aio and the calls that make fds). A pattern is a name
         * ({@code openat}), a glob ({@code open*}, {@code io_uring:*}), a family
         * ({@code family:Network}), an argument kind ({@code kind:path}), {@code default},
         * or any of them after {@code !} to exclude; an exclusion wins
         * ({@link SyscallPattern}).
         */
        public Builder syscalls(String... patterns) {
            settings = settings.withSyscalls(Set.of(patterns));
            return this;
        }

        /** Samples traced calls in the kernel (the default: every call is an event). */
        public Builder sampling(Sampling newSampling) {
            settings = settings.withSampling(newSampling);
            return this;
        }

        /**
         * Also traces every process the traced ones ({@link #pid}) fork, and theirs, from
         * the fork on: decided in the kernel, so even the shortest-lived child is traced.
         */
        public Builder follow(boolean follow) {
            settings = settings.withFilter(settings.filter().withFollow(follow));
            return this;
        }

        /**
         * Whether the session narrows itself when it keeps losing events (off by default):
         * after three seconds in a row with ring-full losses it counts its hottest syscall
         * in the kernel only, then one more per further second with losses, and says so
         * ({@link #onWarning}). See {@link Adaptive}.
         */
        public Builder adaptive(boolean adaptive) {
            return adaptive(adaptive ? Adaptive.ON : Adaptive.OFF);
        }

        /** Adaptive narrowing with these windows ({@link Adaptive}). */
        public Builder adaptive(Adaptive adaptive) {
            settings = settings.withAdaptive(adaptive);
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
