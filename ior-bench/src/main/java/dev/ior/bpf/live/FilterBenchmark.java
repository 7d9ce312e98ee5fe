package dev.ior.bpf.live;

import dev.ior.bench.RecordedWorkload;
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
 * What evaluating a filter stack adds to {@link PipelineBenchmark#decodeResolveAggregate}:
 * the same live path with frames pushed, as a dashboard user pushes them. A key frame
 * (comm, file) is tested per event for the stream tail and the series; a value frame
 * (latency) also counts the passing events into keys of its own. Frames are separated
 * by {@code ;}. One operation is one event; ~9 000 keys (40 files per process), no
 * snapshots published.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -jar ior-bench/target/benchmarks.jar FilterBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "-Xmx2g"})
public class FilterBenchmark {

    private static final int BATCH = 1 << 14;
    private static final int RECORDS = 1 << 20;

    @Param({"none", "comm=postgres", "file=~\\.log$", "latency>=2us", "comm~post;pid!=2100;latency>=2us"})
    public String frames;

    private RecordedWorkload workload;
    private CountedRecords counted;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        workload = RecordedWorkload.generate(RECORDS, 32, 4, 40, 42);
        counted = new CountedRecords(Duration.ofDays(1), frames.equals("none") ? List.of()
                : List.of(frames.split(";")));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        counted.close();
    }

    /** Decode a ring record, resolve it, test it against the stack, count it. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void decodeResolveFilterAggregate() {
        next = CountedRecords.feed(workload, next, BATCH, counted.decoder);
    }
}
