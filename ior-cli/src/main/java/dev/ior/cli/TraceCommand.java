package dev.ior.cli;

import dev.ior.core.IorSession;
import dev.ior.core.export.CsvEventWriter;
import dev.ior.core.export.EventWriter;
import dev.ior.core.export.NdjsonEventWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ior trace}: one line per event on stdout (CSV or NDJSON) until --duration or Ctrl-C. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Print one line per syscall event on stdout until --duration expires or Ctrl-C.")
final class TraceCommand implements Callable<Integer> {

    /** The line formats. */
    enum Format {
        csv, ndjson;

        EventWriter writer(OutputStream out) {
            return this == csv ? new CsvEventWriter(out) : new NdjsonEventWriter(out);
        }
    }

    @Mixin
    TraceOptions options;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "-plain", description = "The original ior's flag for CSV output (the default).")
    boolean plain;

    @Option(names = "--no-header", description = "Leave out the CSV header line.")
    boolean noHeader;

    @Override
    public Integer call() throws Exception {
        EventWriter writer = (plain ? Format.csv : format).writer(new FileOutputStream(FileDescriptor.out));
        IorSession session = IorSession.builder().settings(options.settings()).withoutAnalysis().build();
        if (!noHeader) {
            writer.writeHeader();
        }
        session.onEvent(writer::write);
        session.onFlush(writer::flush);
        return new SessionRunner(session, options.duration, Duration.ofSeconds(2)).run(writer::flush);
    }
}
