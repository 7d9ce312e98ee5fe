package dev.ior.core.analysis;

import dev.ior.core.SessionCounters;
import dev.ior.core.filter.FilterFrame;
import dev.ior.core.filter.FilterStack;
import dev.ior.core.flame.FlameGraph;
import dev.ior.core.flame.PauseMode;
import dev.ior.core.pipeline.InternedEvent;
import dev.ior.core.stats.Distribution;
import dev.ior.core.text.HeldIds;
import dev.ior.core.syscall.Syscall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * All aggregation state, owned by one thread at a time (the pipeline's while it
 * feeds): the keyed counts for all events and per value frame, the time series per
 * frame, the stream tail, the flamegraph's baseline and pause, and the clock.
 * {@link #record} is the hot path: no allocation, no locks.
 */
final class Aggregator {

    private final AnalysisSettings settings;
    private final Supplier<SessionCounters> counters;
    private final Names names = new Names();
    private final KeyStore base;
    private Scope baseScope;
    private final EventStream stream;
    private Level[] levels = new Level[0];
    private FilterStack stack = FilterStack.EMPTY;
    /** Numbers each filter stack: cached rows are valid for one number only. */
    private int filterNumber;

    private long events;
    private long firstEventNs;
    private long latestEventNs;
    private boolean feeding;
    private long anchorEventNs;
    private long anchorNanos;

    private long secondStart = 1;
    private long secondEnd;
    private long second;

    private boolean flamePaused;
    private PauseMode pauseMode;
    private boolean countFlame = true;
    private FlameGraph frozenFlame;
    private long flameBaselineNs;

    Aggregator(AnalysisSettings settings, Supplier<SessionCounters> counters) {
        this.settings = settings;
        this.counters = counters;
        this.base = new KeyStore(settings);
        this.baseScope = new Scope(settings.seriesSeconds(), 0);
        this.stream = new EventStream(settings.streamEvents());
    }

    /** Counts {@code e}; whether it passes the whole filter stack. */
    boolean record(InternedEvent e) {
        Syscall syscall = e.syscall();
        names.note(e, syscall);
        long time = e.timeNs();
        if (events++ == 0) {
            firstEventNs = time;
            flameBaselineNs = time;
            baseScope = new Scope(settings.seriesSeconds(), time);
        }
        if (time > latestEventNs) {
            latestEventNs = time;
        }
        long sec = secondOf(time);
        int sys = syscall.id();
        int comm = e.commId();
        int pid = e.pid();
        int tid = e.tid();
        int path = e.fileId();
        int errno = e.errno();
        long latency = e.latencyNs();
        long timed = syscall.returns() ? latency : KeyStore.NO_LATENCY;
        long gap = e.gapNs();
        long bytes = e.bytes();
        long read = syscall.kind().readsBytes() ? bytes : 0;
        long written = syscall.kind().writesBytes() ? bytes : 0;
        base.record(comm, pid, tid, sys, path, errno, sec, timed, read, written, bytes, countFlame);
        baseScope.record(sec, sys, timed, gap, bytes);
        boolean passesAll = true;
        boolean passesValues = true;
        for (Level level : levels) {
            boolean pass = level.test().test(comm, pid, tid, sys, path, latency, gap, bytes, e.ret(), e.fd());
            passesAll &= pass;
            if (level.isValueFrame()) {
                passesValues &= pass;
                if (passesValues) {
                    level.store().record(comm, pid, tid, sys, path, errno, sec, timed, read, written, bytes,
                            countFlame);
                }
            }
            if (passesAll) {
                level.scope().record(sec, sys, timed, gap, bytes);
            } else if (!passesValues) {
                break;
            }
        }
        stream.add(e, passesAll);
        return passesAll;
    }

    /** Names every comm and path id the aggregates and the stream hold. */
    void markHeld(HeldIds held) {
        base.keys.markHeld(held);
        for (Level level : levels) {
            if (level.isValueFrame()) {
                level.store().keys.markHeld(held);
            }
        }
        stream.markHeld(held);
    }

    /** Ids not named were freed: the frames' per-id decisions are stale. */
    void afterCollection() {
        for (Level level : levels) {
            level.test().forgetDecisions();
        }
    }

    void processExited(int pid) {
        base.keys.processExited(pid);
        for (Level level : levels) {
            if (level.isValueFrame()) {
                level.store().keys.processExited(pid);
            }
        }
    }

    void push(FilterFrame frame) {
        CompiledFrame test = new CompiledFrame(frame, names);
        long now = now();
        KeyStore store = frame.isKeyFrame() ? null : new KeyStore(settings);
        levels = Arrays.copyOf(levels, levels.length + 1);
        levels[levels.length - 1] = new Level(test, new Scope(settings.seriesSeconds(), now), store);
        stack = stack.push(frame);
        filterNumber++;
        stream.narrowed(this::passesAll);
    }

    void pop() {
        if (levels.length == 0) {
            return;
        }
        levels = Arrays.copyOf(levels, levels.length - 1);
        stack = stack.pop();
        filterNumber++;
        stream.widened(levels.length == 0 ? null : this::passesAll);
    }

    void clear() {
        levels = new Level[0];
        stack = FilterStack.EMPTY;
        filterNumber++;
        stream.widened(null);
    }

    void resetFlame() {
        base.keys.resetFlame();
        for (Level level : levels) {
            if (level.isValueFrame()) {
                level.store().keys.resetFlame();
            }
        }
        flameBaselineNs = now();
        frozenFlame = null;
    }

    void pauseFlame(PauseMode mode) {
        flamePaused = true;
        pauseMode = mode;
        countFlame = mode == PauseMode.KEEP_COUNTING;
    }

    void resumeFlame() {
        flamePaused = false;
        pauseMode = null;
        countFlame = true;
        frozenFlame = null;
    }

    void startFeeding() {
        feeding = true;
        anchorEventNs = latestEventNs;
        anchorNanos = System.nanoTime();
    }

    void stopFeeding() {
        feeding = false;
    }

    /**
     * The session's clock on the events' time base: the latest event's time, moved on
     * by the wall time since while events are being fed (so that rates fall to 0 when
     * events stop); frozen at the latest event once feeding has ended.
     */
    long now() {
        if (!feeding) {
            return latestEventNs;
        }
        long nanos = System.nanoTime();
        if (latestEventNs != anchorEventNs) {
            anchorEventNs = latestEventNs;
            anchorNanos = nanos;
            return latestEventNs;
        }
        return anchorEventNs + (nanos - anchorNanos);
    }

    Snapshot snapshot() {
        long now = now();
        KeyStore store = base;
        List<CompiledFrame> keyFrames = new ArrayList<>();
        List<FilterStatus.AppliedFrame> applied = new ArrayList<>();
        long countsSince = firstEventNs;
        Scope scope = baseScope;
        for (Level level : levels) {
            applied.add(new FilterStatus.AppliedFrame(level.test().frame(), level.sinceNs()));
            if (level.isValueFrame()) {
                store = level.store();
                countsSince = level.sinceNs();
            } else {
                keyFrames.add(level.test());
            }
            scope = level.scope();
        }
        long nowSecond = Math.floorDiv(now, Rates.NANOS_PER_SECOND);
        double fraction = Math.floorMod(now, Rates.NANOS_PER_SECOND) / (double) Rates.NANOS_PER_SECOND;
        Tables.Published tables = store.tables.publish(store, names, keyFrames, filterNumber, nowSecond, fraction,
                countsSince);
        FlameGraph flame = flame(store, keyFrames);
        Health health = new Health(baseScope.series.rate(nowSecond, fraction), counters.get(),
                base.keys.evictedFiles(), base.keys.evictedProcesses(), base.keys.keys());
        Map<String, Distribution> gapsBySyscall = new HashMap<>();
        for (int id : scope.gaps.syscalls()) {
            gapsBySyscall.put(names.syscallName(id), Tables.gaps(scope, id));
        }
        return new Snapshot(events, now, new FilterStatus(stack, applied, countsSince), health,
                tables.syscalls(), tables.files(), tables.processes(), tables.comms(), tables.latency(),
                Tables.gaps(scope, -1), tables.latencyBySyscall(), gapsBySyscall, scope.series.snapshot(nowSecond),
                flame, stream.records(names));
    }

    private FlameGraph flame(KeyStore store, List<CompiledFrame> keyFrames) {
        if (flamePaused && frozenFlame != null) {
            return frozenFlame;
        }
        FlameGraph flame = store.tables.flame(store, names, keyFrames, filterNumber, flameBaselineNs);
        if (flamePaused) {
            flame = flame.pausedIn(pauseMode);
            frozenFlame = flame;
        }
        return flame;
    }

    private boolean passesAll(StreamRing r, int i) {
        for (Level level : levels) {
            if (!level.test().test(r.comm(i), r.pid(i), r.tid(i), r.syscall(i), r.file(i), r.latencyNs(i),
                    r.gapNs(i), r.bytes(i), r.ret(i), r.fd(i))) {
                return false;
            }
        }
        return true;
    }

    private long secondOf(long time) {
        if (time >= secondStart && time < secondEnd) {
            return second;
        }
        second = Math.floorDiv(time, Rates.NANOS_PER_SECOND);
        secondStart = second * Rates.NANOS_PER_SECOND;
        secondEnd = secondStart + Rates.NANOS_PER_SECOND;
        return second;
    }
}
