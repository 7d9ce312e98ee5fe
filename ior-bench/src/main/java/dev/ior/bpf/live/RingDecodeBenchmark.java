package dev.ior.bpf.live;

import dev.ior.bench.RecordedWorkload;
import dev.ior.bpf.ring.MemoryRing;
import dev.ior.bpf.ring.RingReader;
import dev.ior.core.IorEvent;
import dev.ior.core.source.EventSink;
import dev.ior.core.source.RawEvent;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading the ring on one core: {@link RingReader#drain} walks committed records in
 * place (acquire loads of the positions and each header) and {@link RecordDecoder}
 * reads each {@code struct ior_event} into the reusable {@link RawEvent}. The ring is
 * laid out in ordinary memory, 16 MiB as ior's default, holding 64 Ki recorded-like
 * records. One operation is one record.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -jar ior-bench/target/benchmarks.jar RingDecodeBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class RingDecodeBenchmark {

    private static final int RECORDS = 1 << 16;

    private MemoryRing ring;
    private RecordDecoder decoder;
    private long seen;

    @Setup(Level.Trial)
    public void setUp() {
        ring = MemoryRing.of(RecordedWorkload.generate(RECORDS, 32, 4, 400, 42), RECORDS, 16 << 20);
        decoder = new RecordDecoder(new EventSink() {
            @Override
            public void onRaw(RawEvent e) {
                seen += e.pid + e.latencyNs + e.args[0] + e.pathLength; // what the pipeline reads first
            }

            @Override
            public void onEvent(IorEvent event) {
            }

            @Override
            public void onIdle() {
            }
        });
    }

    /** Drains every record of the ring into the decoder. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long drainAndDecode() {
        try (RingReader reader = ring.rewoundReader()) {
            reader.drain(decoder);
        }
        return seen;
    }
}
