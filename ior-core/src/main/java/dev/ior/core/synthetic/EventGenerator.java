package dev.ior.core.synthetic;

import dev.ior.core.IorEvent;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Made-up but plausible file I/O, fast and deterministic: the same seed gives the same
 * events. Processes with a handful of threads each work on their own set of files in
 * a small directory tree, mostly reading and writing, sometimes opening (one in ten
 * opens fails with ENOENT), seeking, syncing; latencies spread over several octaves,
 * syncs slow. Times advance at {@code eventsPerSecond} of event time. For demos of the
 * dashboard and for benchmarks; {@link #next()} allocates nothing.
 */
public final class EventGenerator {

    private static final String[] COMMS = {"postgres", "nginx", "java", "bash", "rsync", "python3", "sshd",
        "find"};
    private static final String[] DIRECTORIES = {"/var/lib/postgresql/data/base", "/var/log/nginx",
        "/usr/lib/x86_64-linux-gnu", "/home/alice/src/app", "/tmp/build", "/etc/app/conf.d"};
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int ENOENT = 2;

    /** A syscall of the mix: how slow it is and whether it opens (and may fail). */
    private record Kind(Syscall syscall, long baseLatencyNs, boolean opens) {
    }

    /** A wanted syscall, how often it comes (relative weight), how slow, whether it opens. */
    private record Wanted(String name, int weight, long baseLatencyNs, boolean opens) {
    }

    private static final List<Wanted> MIX = List.of(
            new Wanted("read", 35, 800, false), new Wanted("write", 20, 1_500, false),
            new Wanted("pread64", 8, 900, false), new Wanted("pwrite64", 4, 1_600, false),
            new Wanted("openat", 8, 3_000, true), new Wanted("close", 8, 300, false),
            new Wanted("newfstatat", 6, 1_200, false), new Wanted("lseek", 5, 200, false),
            new Wanted("fsync", 2, 400_000, false), new Wanted("getdents64", 2, 5_000, false),
            new Wanted("statx", 2, 1_500, false));

    private final Kind[] byWeight;
    private final String[] files;
    private final int processes;
    private final int threads;
    /** Event time advances by {@code stepBaseNs} plus a random part below {@code stepJitterMask}: on average a step. */
    private final long stepBaseNs;
    private final long stepJitterMask;
    private final GeneratedEvent event = new GeneratedEvent();
    private long state;
    private long timeNs = NANOS_PER_SECOND;

    /**
     * @param seed            the same seed gives the same events
     * @param processes       distinct processes (pids 1000, 1001, ...)
     * @param threads         threads per process
     * @param files           distinct files
     * @param eventsPerSecond how fast event time advances
     */
    public EventGenerator(long seed, int processes, int threads, int files, long eventsPerSecond) {
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
        this.processes = processes;
        this.threads = threads;
        long stepNs = Math.max(1, NANOS_PER_SECOND / eventsPerSecond);
        this.stepJitterMask = Long.highestOneBit(stepNs) - 1;
        this.stepBaseNs = stepNs - Long.highestOneBit(stepNs) / 2;
        this.files = new String[files];
        for (int i = 0; i < files; i++) {
            this.files[i] = DIRECTORIES[i % DIRECTORIES.length] + "/" + (i % 7 == 0 ? "sub" + (i % 5) + "/" : "")
                    + "file" + i + (i % 3 == 0 ? ".log" : ".dat");
        }
        this.byWeight = mix();
    }

    /** A demo workload: 24 processes of 4 threads on 2 000 files, a million events per second. */
    public static EventGenerator demo() {
        return new EventGenerator(42, 24, 4, 2_000, 1_000_000);
    }

    /** The next event: a reused view, valid until the next call. */
    public IorEvent next() {
        GeneratedEvent e = event;
        long r = random();
        int process = (int) ((r >>> 8) % processes);
        int thread = (int) ((r >>> 24) % threads);
        // each process works on its own window of files, a few of them hot
        int spread = Math.min(files.length, 64);
        int fileIndex = (int) ((process * 37L + skewed(r >>> 32, spread)) % files.length);
        Kind kind = byWeight[(int) ((r >>> 40) % byWeight.length)];
        long r2 = random();
        timeNs += stepBaseNs + (r2 & stepJitterMask);
        e.timeNs = timeNs;
        e.comm = COMMS[process % COMMS.length];
        e.pid = 1000 + process;
        e.tid = e.pid + thread;
        e.syscall = kind.syscall;
        e.file = files[fileIndex];
        e.latencyNs = kind.baseLatencyNs + ((kind.baseLatencyNs << (int) ((r2 >>> 8) % 6)) * ((r2 >>> 16) & 255)
                >>> 8);
        e.gapNs = 100 + ((r2 >>> 24) & ((1L << (10 + (int) ((r2 >>> 56) % 14))) - 1));
        e.fd = 3 + fileIndex % 61;
        e.errno = 0;
        e.bytes = 0;
        if (kind.opens) {
            if ((r2 >>> 40) % 10 == 0) {
                e.errno = ENOENT;
                e.ret = -ENOENT;
                e.fd = -1;
            } else {
                e.ret = e.fd;
            }
        } else if (kind.syscall.kind().readsBytes() || kind.syscall.kind().writesBytes()) {
            e.bytes = 512L << (int) ((r2 >>> 44) % 8);
            e.ret = e.bytes;
        } else {
            e.ret = 0;
        }
        e.wallTimeNs = e.timeNs;
        return e;
    }

    /** Like {@link #next()}, copied into an immutable list (for tests and references). */
    public List<IorEvent> take(int count) {
        List<IorEvent> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(next().copy());
        }
        return list;
    }

    /** A value in {@code [0, n)}, small ones far more often: a few files are hot. */
    private static long skewed(long r, int n) {
        long a = r % n;
        long b = (r >>> 16) % n;
        return Math.min(a, b);
    }

    private long random() {
        // xorshift64*
        long x = state;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        state = x;
        return (x * 0x2545F4914F6CDD1DL) >>> 1;
    }

    /** The syscalls of the mix that ior's table has, each repeated by its weight. */
    private static Kind[] mix() {
        SyscallTable table = SyscallTable.builtIn();
        List<Kind> kinds = new ArrayList<>();
        for (Wanted w : MIX) {
            table.byName(w.name).ifPresent(s -> {
                for (int i = 0; i < w.weight; i++) {
                    kinds.add(new Kind(s, w.baseLatencyNs, w.opens));
                }
            });
        }
        return kinds.toArray(new Kind[0]);
    }
}
