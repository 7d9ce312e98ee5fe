package dev.ior.bpf.live;

import dev.ior.bench.RecordedWorkload;
import dev.ior.core.IorEvent;
import dev.ior.core.analysis.Analysis;
import dev.ior.core.pipeline.EventPipeline;
import dev.ior.core.proc.ProcFs;
import dev.ior.core.syscall.SyscallTable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Java side of live tracing on one core: ring records decoded in place
 * ({@link RecordDecoder}), resolved by the pipeline (fd tables, interning) and counted
 * by every aggregation ({@link Analysis}: keyed tables, exact and compact histograms,
 * series, flamegraph counts, stream tail). One operation is one event.
 *
 * <p>This class sits in ior-bpf's package to drive its package-private decoder.
 * {@code publish} is how often snapshots are published while the benchmark runs: 100 ms
 * is the dashboard's rate (their cost is part of the figure), "off" leaves them out to
 * show that counting an event allocates nothing.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -jar ior-bench/target/benchmarks.jar PipelineBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "-Xmx2g"})
public class PipelineBenchmark {

    private static final int BATCH = 1 << 14;
    private static final int RECORDS = 1 << 20;

    @Param({"100ms", "off"})
    public String publish;

    /** Files per process: 400 gives about 70 000 distinct keys, 40 about 9 000. */
    @Param({"400", "40"})
    public int files;

    private RecordedWorkload workload;
    private CountedRecords counted;
    private RecordDecoder decoderOnly;
    private long bytesSeen;
    private IorEvent[] resolved;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        workload = RecordedWorkload.generate(RECORDS, 32, 4, files, 42);
        Duration interval = publish.equals("off") ? Duration.ofDays(1)
                : Duration.ofMillis(Long.parseLong(publish.replace("ms", "")));
        counted = new CountedRecords(interval, List.of()); // this (the benchmark's) thread feeds
        decoderOnly = new RecordDecoder(new EventPipeline(SyscallTable.builtIn(), ProcFs.NONE, 0, Long.MAX_VALUE,
                e -> bytesSeen += e.bytes(), () -> { }));
        resolved = ResolvedEvents.of(workload, RECORDS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        counted.close();
    }

    /** Live: decode a ring record, resolve it, count it everywhere. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void decodeResolveAggregate() {
        next = CountedRecords.feed(workload, next, BATCH, counted.decoder);
    }

    /** The part before the aggregations, for comparison: decode and resolve only. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long decodeResolveOnly() {
        next = CountedRecords.feed(workload, next, BATCH, decoderOnly);
        return bytesSeen;
    }

    /** Replay: an already resolved event (strings interned by value), counted everywhere. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void resolvedAggregate() {
        int r = next;
        for (int i = 0; i < BATCH; i++) {
            counted.pipeline.onEvent(resolved[r]);
            r = (r + 1) & (resolved.length - 1);
        }
        next = r;
    }
}
