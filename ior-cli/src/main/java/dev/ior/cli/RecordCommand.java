package dev.ior.cli;

import dev.ior.core.HostInfo;
import dev.ior.core.IorException;
import dev.ior.core.IorSession;
import dev.ior.core.TraceSettings;
import dev.ior.core.record.ParquetRecorder;
import dev.ior.core.record.RecordingMetadata;
import dev.ior.core.record.RecordingOptions;
import java.nio.file.Path;
import java.time.Duration;
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
                rotateTime, host, RecordingMetadata.atStart("record", settings)),
                () -> RecordingMetadata.atEnd(session));
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
}
