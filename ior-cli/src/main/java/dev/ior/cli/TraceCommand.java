package dev.ior.cli;

import dev.ior.core.IorSession;
import dev.ior.core.export.CsvEventWriter;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ior trace}: one CSV line per event on stdout until --duration or Ctrl-C. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Print one line per syscall event (CSV) on stdout until --duration expires or Ctrl-C.")
final class TraceCommand implements Callable<Integer> {

    /** The output formats of the stream. */
    enum Format { csv }

    @Mixin
    TraceOptions options;

    @Option(names = {"--format", "-plain"}, paramLabel = "FORMAT", defaultValue = "csv",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--no-header", description = "Leave out the CSV header line.")
    boolean noHeader;

    @Override
    public Integer call() throws Exception {
        CsvEventWriter writer = new CsvEventWriter(new FileOutputStream(FileDescriptor.out));
        IorSession session = IorSession.builder().settings(options.settings()).build();
        if (!noHeader) {
            writer.writeHeader();
        }
        session.onEvent(writer::write);
        session.onFlush(writer::flush);
        return new SessionRunner(session, options.duration).run(writer::flush);
    }
}
