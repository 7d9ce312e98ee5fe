package dev.ior.bpf.live;

import dev.ior.bpf.check.Preflight;
import dev.ior.bpf.check.Tracefs;
import dev.ior.bpf.ffi.Libbpf;
import dev.ior.bpf.ffi.ior_settings;
import dev.ior.bpf.libbpf.BpfException;
import dev.ior.bpf.libbpf.BpfObject;
import dev.ior.bpf.ring.RingReader;
import dev.ior.bpf.sys.Libc;
import dev.ior.core.IorException;
import dev.ior.core.KernelFilter;
import dev.ior.core.Sampling;
import dev.ior.core.SyscallSampling;
import dev.ior.core.TraceSettings;
import dev.ior.core.proc.ProcFs;
import dev.ior.core.source.EventSink;
import dev.ior.core.source.EventSource;
import dev.ior.core.source.SourceCounters;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallTable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Live tracing: loads ior's CO-RE BPF object, attaches it, and reads its ring buffer
 * in place on the session's reading thread.
 */
public final class LiveSource implements EventSource {

    private static final System.Logger LOG = System.getLogger(LiveSource.class.getName());
    private static final String OBJECT = "/dev/ior/bpf/ior.bpf.o";
    /** The same object identifying each fd by its inode (bpf-src/build.sh, FdIdentity). */
    private static final String INODE_OBJECT = "/dev/ior/bpf/ior-inode.bpf.o";
    /** How long the reader sleeps when the ring is empty: the longest an event waits. */
    private static final int IDLE_WAIT_MS = 50;
    /** The least time between two idle notices (flushes) while records trickle in. */
    private static final long IDLE_EVERY_NS = 5_000_000;
    /** Wake the reader early once this much is queued (bounded by a quarter ring). */
    private static final long WAKEUP_BYTES = 1L << 20;
    /** The io_uring tracepoints and the programs on them (bpf-src/ior_uring.bpf.h). */
    private static final List<String> URING_TRACEPOINTS = List.of("io_uring_submit_req", "io_uring_complete");
    private static final List<String> URING_PROGRAMS = List.of("ior_uring_submit", "ior_uring_complete");
    /** The kernel side's hash maps and the size of their keys (bpf-src/ior_maps.h). */
    private static final Map<String, Integer> HASH_MAPS = Map.of("ior_pids", 4, "ior_uring_inflight", 8,
            "ior_uring_paths", 8);

    private final SyscallTable table;
    private final ProcFs procFs = new ProcFs();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile boolean running;
    private volatile BpfObject object;
    /** The counters as they were when the maps were freed. */
    private volatile SourceCounters finalCounters;
    private KernelMaps maps;
    private RingReader ring;
    private RecordDecoder decoder;
    private long bootToWallNs;
    private volatile List<Syscall> traced = List.of();
    private volatile Sampling sampling = Sampling.EVERY_CALL;
    private long unfollowedWarned;
    /** The session's warnings; alone (no session), the log. */
    private Consumer<String> warnings = text -> LOG.log(System.Logger.Level.WARNING, "warning: " + text);
    /** The sampling totals as they were when the maps were freed. */
    private volatile List<SyscallSampling> finalSamplingTotals;
    private List<String> programs = List.of();
    private Set<String> kernelSyscalls = Set.of();
    private boolean uringTraced;

    /** Live tracing of the syscalls in ior's table. */
    public LiveSource() {
        this(SyscallTable.builtIn());
    }

    /** Live tracing of the syscalls in {@code table} (tests: rows this kernel lacks). */
    LiveSource(SyscallTable table) {
        this.table = table;
    }

    @Override
    public void open(TraceSettings settings) {
        long began = System.nanoTime();
        Preflight.check();
        List<Syscall> selected = table.select(settings.syscalls()); // bad patterns fail first
        Tracefs tracefs = Tracefs.mountIfNeeded();
        kernelSyscalls = tracefs.syscalls();
        boolean uring = URING_TRACEPOINTS.stream().allMatch(tp -> tracefs.hasEvent("io_uring", tp));
        uringTraced = uring;
        requireAvailable(selected, settings.syscalls());
        bootToWallNs = Libc.clockNanos(Libc.CLOCK_REALTIME) - kernelBootNanos();
        Loaded loaded = loadRichest(settings, uring, FdIdentity.enabled(), warnings);
        object = loaded.object();
        uringTraced = loaded.uring();
        maps = new KernelMaps(object);
        maps.setFilter(settings.filter());
        sampling = settings.sampling();
        apply(selected);
        long attaching = System.nanoTime();
        programs = object.attachAll();
        ring = new RingReader(object.mapFd("ior_ring"), settings.ringBytes());
        long done = System.nanoTime();
        LOG.log(System.Logger.Level.DEBUG, "attached: {0} syscalls and io_uring operations traced, ring {1} bytes",
                traced.size(), settings.ringBytes());
        LOG.log(System.Logger.Level.DEBUG, "opened, loaded and attached in {0} ms (attach {1} ms)",
                (done - began) / 1_000_000, (done - attaching) / 1_000_000);
    }

    /** A loaded object and whether it traces io_uring operations. */
    private record Loaded(BpfObject object, boolean uring) {
    }

    /**
     * Loads the richest object this kernel takes: with io_uring's programs and the
     * inode-reading variant when wanted, then without either (io_uring's tracepoints
     * changed shape over kernel versions; a kernel that names the kfunc may still refuse
     * the object). Dropping io_uring is expected on old kernels; dropping fd identity is
     * not, and is said.
     */
    private static Loaded loadRichest(TraceSettings settings, boolean uring, boolean fdIdentity,
            Consumer<String> warnings) {
        BpfException failure = null;
        for (boolean withInode : choices(fdIdentity)) {
            for (boolean withUring : choices(uring)) {
                try {
                    BpfObject object = load(settings, withUring, withInode);
                    if (uring && !withUring) {
                        LOG.log(System.Logger.Level.DEBUG, "io_uring operations are not traced on this kernel: {0}",
                                failure.getMessage());
                    }
                    if (fdIdentity && !withInode) {
                        warnings.accept("fds are not identified by inode here (names come from ior's own fd "
                                + "tables): " + failure.getMessage());
                    }
                    return new Loaded(object, withUring);
                } catch (BpfException e) {
                    failure = failure == null ? e : failure;
                }
            }
        }
        throw failure;
    }

    /** What to try for a feature: with it first when it is wanted, then without. */
    private static boolean[] choices(boolean wanted) {
        return wanted ? new boolean[] {true, false} : new boolean[] {false};
    }

    private static BpfObject load(TraceSettings settings, boolean uring, boolean fdIdentity) {
        BpfObject loaded = BpfObject.open(readObject(fdIdentity ? INODE_OBJECT : OBJECT), "ior");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment rodata = arena.allocate(ior_settings.layout());
            ior_settings.self_tgid(rodata, (int) ProcessHandle.current().pid());
            ior_settings.wakeup_bytes(rodata, Math.min(WAKEUP_BYTES, settings.ringBytes() / 4));
            loaded.setInitialValue(".rodata.ior", rodata);
            loaded.setMaxEntries("ior_ring", settings.ringBytes());
            if (!uring) {
                URING_PROGRAMS.forEach(loaded::disableProgram);
            }
            loaded.load();
            return loaded;
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
    }

    @Override
    public void run(EventSink sink) {
        running = true;
        try {
            decoder = new RecordDecoder(sink);
            long lastIdleNs = 0;
            while (!stopping) {
                if (ring.drain(decoder) > 0) {
                    continue;
                }
                // At a million calls a second the ring is empty between most records: saying
                // "idle" (a flush) and reading the counters each time cost a bpf() call per
                // handful of events, most of the reader's CPU. Once per IDLE_EVERY_NS is enough:
                // the pipeline flushes on its own interval while busy.
                long now = System.nanoTime();
                if (now - lastIdleNs >= IDLE_EVERY_NS) {
                    lastIdleNs = now;
                    sink.onIdle();
                    warnIfUnfollowed();
                }
                ring.await(IDLE_WAIT_MS);
            }
            ring.drain(decoder); // what was committed before the stop
        } finally {
            running = false;
            finished.countDown();
        }
    }

    @Override
    public void stop() {
        stopping = true;
    }

    @Override
    public void onWarning(Consumer<String> sink) {
        warnings = sink;
    }

    /** Children --follow could not add to the full pid set are untraced: never silently. */
    private void warnIfUnfollowed() {
        long unfollowed = maps.counter(Libbpf.IOR_CNT_LOST_FOLLOW());
        if (unfollowed > unfollowedWarned) {
            unfollowedWarned = unfollowed;
            warnings.accept(unfollowed + " forked children were not followed: the kernel's pid set is full");
        }
    }

    /**
     * CLOCK_BOOTTIME as the kernel counts it (the clock of every record), also when ior
     * runs in a time namespace, whose boot clock is offset from the kernel's.
     */
    private static long kernelBootNanos() {
        return Libc.clockNanos(Libc.CLOCK_BOOTTIME) - TimeNamespace.boottimeOffsetNanos();
    }

    @Override
    public synchronized SourceCounters counters() {
        SourceCounters last = finalCounters;
        if (last != null) {
            return last; // the maps are gone: their fds may name other files by now
        }
        return readCounters();
    }

    private SourceCounters readCounters() {
        KernelMaps m = maps;
        RingReader r = ring;
        if (m == null) {
            return SourceCounters.NONE;
        }
        return new SourceCounters(m.counter(Libbpf.IOR_CNT_EMITTED()), m.counter(Libbpf.IOR_CNT_LOST_RINGBUF()),
                m.counter(Libbpf.IOR_CNT_LOST_STORAGE()), m.counter(Libbpf.IOR_CNT_UNMATCHED_EXIT()),
                m.counter(Libbpf.IOR_CNT_FILTERED()), m.counter(Libbpf.IOR_CNT_REJECTED()),
                m.counter(Libbpf.IOR_CNT_LOST_URING()), r == null ? 0 : r.fill());
    }

    @Override
    public synchronized Map<String, Long> kernelMapEntries() {
        BpfObject loaded = object;
        if (loaded == null || !running || finalCounters != null) {
            return Map.of();
        }
        Map<String, Long> entries = new TreeMap<>();
        HASH_MAPS.forEach((name, keyBytes) -> entries.put(name, KernelMaps.entries(loaded.mapFd(name), keyBytes)));
        return entries;
    }

    @Override
    public long bootToWallOffsetNs() {
        return bootToWallNs;
    }

    @Override
    public void setFilter(KernelFilter filter) {
        openMaps().setFilter(filter);
    }

    @Override
    public void setSyscalls(Set<String> patterns) {
        List<Syscall> selected = table.select(patterns);
        openMaps();
        requireAvailable(selected, patterns);
        apply(selected);
    }

    private KernelMaps openMaps() {
        KernelMaps m = maps;
        if (m == null) {
            throw new IllegalStateException("the live source is not open: start the session first");
        }
        return m;
    }

    @Override
    public ProcFs procFs() {
        return procFs;
    }

    @Override
    public List<Syscall> traced() {
        return traced;
    }

    @Override
    public List<Syscall> available() {
        return SyscallTable.builtIn().all().stream().filter(this::available).toList();
    }

    /** The BPF programs attached by {@link #open}, by name. */
    public List<String> programs() {
        return programs;
    }

    @Override
    public synchronized void setSampling(Sampling newSampling) {
        openMaps();
        sampling = newSampling;
        apply(traced);
    }

    @Override
    public List<SyscallSampling> samplingTotals() {
        KernelMaps m = maps;
        List<SyscallSampling> last = finalSamplingTotals;
        if (last != null || m == null) {
            return last == null ? List.of() : last;
        }
        Sampling now = sampling;
        List<SyscallSampling> totals = new ArrayList<>();
        for (Syscall syscall : now.sampled(traced)) {
            if (!syscall.isUringOperation()) {
                long[] counts = m.sampled(syscall.nr());
                totals.add(new SyscallSampling(syscall, now.rateOf(syscall), counts[0], counts[1]));
            }
        }
        return totals;
    }

    /**
     * Writes the probe set: every row the kernel has, traced if selected (tracked either
     * way), at its sampling rate (io_uring operations are not sampled).
     */
    private synchronized void apply(List<Syscall> selected) {
        Set<Syscall> wanted = new HashSet<>(selected);
        for (Syscall syscall : table.all()) {
            if (available(syscall)) {
                maps.setTraced(syscall, wanted.contains(syscall),
                        syscall.isUringOperation() ? 1 : sampling.rateOf(syscall));
            } else {
                LOG.log(System.Logger.Level.DEBUG, "this kernel has no {0}: not traced", syscall.name());
            }
        }
        traced = selected.stream().filter(this::available).toList();
    }

    /** A selection this kernel has none of is a usage error: it would trace nothing. */
    private void requireAvailable(List<Syscall> selected, Set<String> patterns) {
        if (selected.stream().noneMatch(this::available)) {
            throw new IorException("this kernel has none of the syscalls that " + String.join(",", patterns)
                    + " selects", IorException.USAGE_ERROR, null);
        }
    }

    private boolean available(Syscall syscall) {
        return syscall.isUringOperation() ? uringTraced : kernelSyscalls.contains(syscall.name());
    }

    @Override
    public void close() {
        stopping = true;
        if (running) {
            try {
                // never unmap the ring under a reader that is still in it
                if (!finished.await(5, TimeUnit.SECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        freeKernelSide();
    }

    /** Keeps the final counts, then unmaps the ring and frees programs, links and maps; once. */
    private synchronized void freeKernelSide() {
        if (finalCounters != null) {
            return;
        }
        finalCounters = readCounters();
        if (ring != null) {
            ring.close();
        }
        if (object != null) {
            finalSamplingTotals = samplingTotals(); // the maps go with the object
            object.close();
        }
    }

    private static byte[] readObject(String name) {
        try (InputStream in = LiveSource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IorException("ior's BPF object is missing from the ior-bpf jar (" + name + ")");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IorException("cannot read ior's BPF object: " + e.getMessage(), e);
        }
    }
}
