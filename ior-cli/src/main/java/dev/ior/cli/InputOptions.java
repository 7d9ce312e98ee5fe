package dev.ior.cli;

import dev.ior.core.IorSession;
import dev.ior.core.TraceSettings;
import dev.ior.core.record.ReplaySource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a headless command reads events: the live kernel, or a recording with --input. */
final class InputOptions {

    @Option(names = {"--input", "-i"}, paramLabel = "FILE|DIR",
            description = "Read a recording (or a directory of them) instead of tracing live.")
    Path input;

    @Option(names = "--recorded-pace", description = "Replay --input at the pace it was recorded.")
    boolean recordedPace;

    /** The settings of {@code options} for this input (a recording refuses live-only options). */
    TraceSettings settings(TraceOptions options) {
        return input != null ? options.settingsForRecording() : options.settings();
    }

    /** A session builder reading the recording, or the live kernel without --input. */
    IorSession.Builder builder() {
        IorSession.Builder builder = IorSession.builder();
        if (input != null) {
            builder.source(new ReplaySource(input, recordedPace ? ReplaySource.Pace.RECORDED : ReplaySource.Pace.FAST));
        }
        return builder;
    }
}
