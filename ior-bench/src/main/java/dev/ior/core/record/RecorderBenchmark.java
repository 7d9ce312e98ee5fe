package dev.ior.core.record;

import dev.ior.bench.RecordedWorkload;
import dev.ior.bpf.live.ResolvedEvents;
import dev.ior.core.IorEvent;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Parquet recorder's two halves on one core each. {@code writeBatch}: the writer
 * thread, which bounds how many events a second a recording keeps up with (a batch of
 * 8 192 events into the column writers, ZSTD, row groups flushed to a file on the
 * temporary file system, as {@code ior record} writes them). {@code copyIntoBatch}: the
 * pipeline thread's share, copying an event into a column batch. One operation is one
 * event.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -jar ior-bench/target/benchmarks.jar RecorderBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "-Xmx2g"})
public class RecorderBenchmark {

    private static final int EVENTS = 1 << 18;
    private static final int BATCH = 8192;

    private IorEvent[] events;
    private EventBatch[] batches;
    private EventBatch scratch;
    private int next;
    private Path file;
    private ParquetFileSink sink;

    @Setup(Level.Trial)
    public void setUp() {
        events = ResolvedEvents.of(RecordedWorkload.generate(EVENTS, 32, 4, 400, 42), EVENTS);
        batches = new EventBatch[EVENTS / BATCH];
        for (int b = 0; b < batches.length; b++) {
            batches[b] = new EventBatch(BATCH);
            for (int i = 0; i < BATCH; i++) {
                batches[b].add(events[b * BATCH + i]);
            }
        }
        scratch = new EventBatch(BATCH);
    }

    @Setup(Level.Iteration)
    public void openFile() throws IOException {
        file = Files.createTempFile("ior-recorder-bench", ".parquet");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        sink = new ParquetFileSink(new ChannelOutputFile(channel, file), 16L << 20, "benchhost");
    }

    @TearDown(Level.Iteration)
    public void closeFile() throws IOException {
        sink.close(Map.of());
        Files.delete(file);
    }

    /** The writer thread: one batch of events into the file. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void writeBatch() throws IOException {
        sink.write(batches[next]);
        next = (next + 1) % batches.length;
    }

    /** The pipeline thread: events copied into a column batch. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int copyIntoBatch() {
        EventBatch batch = scratch;
        batch.clear();
        int base = next * BATCH;
        for (int i = 0; i < BATCH; i++) {
            batch.add(events[base + i]);
        }
        next = (next + 1) % batches.length;
        return batch.size;
    }
}
