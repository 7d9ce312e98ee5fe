package dev.ior.bpf.live;

import dev.ior.bench.RecordedWorkload;
import dev.ior.core.analysis.Snapshot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one published snapshot costs the pipeline thread (every table, histogram, the
 * flamegraph's keyed counts and the stream tail) after a million recorded-like events,
 * with 1 000 more events between two snapshots. The dashboard publishes ten a second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "-Xmx2g"})
public class SnapshotBenchmark {

    private static final int RECORDS = 1 << 20;
    private static final int BETWEEN = 1_000;

    /** Files per process: 400 gives about 70 000 distinct keys, 40 about 9 000. */
    @Param({"400", "40"})
    public int files;

    private RecordedWorkload workload;
    private CountedRecords counted;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        workload = RecordedWorkload.generate(RECORDS, 32, 4, files, 42);
        counted = new CountedRecords(Duration.ofDays(1), List.of());
        next = CountedRecords.feed(workload, next, RECORDS, counted.decoder);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        counted.close();
    }

    @Benchmark
    public Snapshot publish() {
        next = CountedRecords.feed(workload, next, BETWEEN, counted.decoder);
        return counted.analysis.requestSnapshot().join();
    }
}
