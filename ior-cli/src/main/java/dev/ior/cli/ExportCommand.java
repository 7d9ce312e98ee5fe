package dev.ior.cli;

import dev.ior.core.IorSession;
import dev.ior.core.export.EventWriter;
import dev.ior.core.io.OutputFiles;
import dev.ior.core.record.ReplaySource;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ior export}: a recording's events as CSV or NDJSON, through the same filters as the dashboard. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the events of a recording as CSV or NDJSON, optionally filtered.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    TraceOptions options;

    @Option(names = {"--input", "-i"}, required = true, paramLabel = "FILE|DIR",
            description = "The recording, or a directory of recordings.")
    Path input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TraceCommand.Format format;

    @Option(names = {"--filter", "-f"}, paramLabel = "FRAME",
            description = "A filter frame in the dashboard's language, e.g. 'comm~bash' or 'latency>=5ms' "
                    + "(repeat: frames AND together).")
    List<String> filters = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        IorSession session = IorSession.builder().source(new ReplaySource(input, ReplaySource.Pace.FAST))
                .settings(options.settingsForRecording()).build();
        filters.forEach(session.analysis()::push); // bad filter text fails here, naming the position
        OutputStream out = output == null ? new FileOutputStream(FileDescriptor.out) : OutputFiles.newOutputStream(output);
        EventWriter writer = format.writer(out);
        writer.writeHeader();
        session.onFilteredEvent(writer::write);
        return new SessionRunner(session, null, Duration.ofSeconds(30)).run(writer::flush);
    }
}
