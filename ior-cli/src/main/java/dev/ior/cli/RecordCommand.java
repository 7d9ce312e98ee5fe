package dev.ior.cli;

import dev.ior.core.HostInfo;
import dev.ior.core.IorException;
import dev.ior.core.IorSession;
import dev.ior.core.IorVersion;
import dev.ior.core.TraceSettings;
import dev.ior.core.record.ParquetRecorder;
import dev.ior.core.record.RecordingMetadata;
import dev.ior.core.record.RecordingOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ior record}: headless capture to Parquet (the original's -parquet). */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Record every event to a Parquet file until --duration expires or Ctrl-C.")
final class RecordCommand implements Callable<Integer> {

    @Mixin
    TraceOptions options;

    @Option(names = {"-o", "--output", "-parquet"}, required = true, paramLabel = "FILE|DIR",
            description = "The recording, or a directory to create ior-<host>-<time>.parquet in.")
    Path output;

    @Option(names = "--partition", description = "Write hive-style host=…/date=…/ directories under the output "
            + "directory, so recordings of many hosts form one dataset.")
    boolean partition;

    @Option(names = "--rotate-size", paramLabel = "BYTES", converter = SizeConverter.class,
            description = "Start a new file once the current one reaches this size (e.g. 512M).")
    long rotateBytes;

    @Option(names = "--rotate-time", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Start a new file after this long (e.g. 1h).")
    Duration rotateTime;

    @Override
    public Integer call() throws Exception {
        TraceSettings settings = options.settings();
        IorSession session = IorSession.builder().settings(settings).withoutAnalysis().build();
        String host = HostInfo.hostname();
        ParquetRecorder recorder = ParquetRecorder.start(new RecordingOptions(output, partition, rotateBytes,
                rotateTime, host, startMetadata(settings)), () -> endMetadata(session));
        session.onEvent(recorder);
        session.onFlush(() -> {
            if (recorder.failure() != null) {
                session.stop(); // the disk is full or failing: end the run, keep what is written
            }
        });
        SessionRunner runner = new SessionRunner(session, options.duration, Duration.ofSeconds(60));
        try {
            return runner.run(() -> System.err.println("ior: recording to " + recorder.files().getFirst()
                    + (options.duration == null ? " until Ctrl-C" : " for " + options.duration.toSeconds() + " s")),
                    () -> {
                try {
                    recorder.close();
                    System.err.println("ior: recorded " + recorder.written() + " events to "
                            + recorder.files().stream().map(Path::toString).collect(Collectors.joining(", ")));
                } finally {
                    session.addDropped(recorder.dropped());
                }
            }, recorder::discard);
        } catch (IorException e) {
            if (!runner.started()) {
                recorder.discard(); // nothing was traced: leave no empty recording behind
            }
            throw e;
        }
    }

    private static Map<String, String> startMetadata(TraceSettings settings) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(RecordingMetadata.MODE, "record");
        metadata.put(RecordingMetadata.VERSION, IorVersion.current().version());
        metadata.put(RecordingMetadata.KERNEL, HostInfo.kernelRelease());
        metadata.put(RecordingMetadata.STARTED_AT, Long.toString(epochNanos()));
        metadata.put(RecordingMetadata.FILTERS, describe(settings));
        metadata.put(RecordingMetadata.PROBES,
                settings.syscalls().isEmpty() ? "all" : String.join(",", settings.syscalls().stream().sorted().toList()));
        return metadata;
    }

    private static Map<String, String> endMetadata(IorSession session) {
        Map<String, String> metadata = new HashMap<>(RecordingMetadata.counts(session.counters()));
        metadata.put(RecordingMetadata.BOOT_TO_WALL, Long.toString(session.bootToWallOffsetNs()));
        return metadata;
    }

    /** The kernel-side filters as the command line spelled them. */
    private static String describe(TraceSettings settings) {
        var filter = settings.filter();
        StringBuilder text = new StringBuilder();
        if (!filter.pids().isEmpty()) {
            text.append("--pid ").append(filter.pids().stream().sorted().map(String::valueOf)
                    .collect(Collectors.joining(","))).append(' ');
        }
        if (filter.tid() != 0) {
            text.append("--tid ").append(filter.tid()).append(' ');
        }
        if (!filter.comm().isEmpty()) {
            text.append("--comm ").append(filter.comm()).append(' ');
        }
        if (filter.minLatencyNs() != 0) {
            text.append("--min-latency ").append(filter.minLatencyNs()).append("ns ");
        }
        return text.toString().strip();
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
