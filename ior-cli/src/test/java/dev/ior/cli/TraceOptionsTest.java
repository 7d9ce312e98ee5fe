package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ior.core.Adaptive;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every tracing command takes --adaptive; without it a session never narrows itself. */
class TraceOptionsTest {

    private static TraceOptions optionsOf(String... args) {
        var parsed = Main.commandLine().parseArgs(args);
        Object command = parsed.hasSubcommand() ? parsed.subcommand().commandSpec().userObject()
                : parsed.commandSpec().userObject();
        return switch (command) {
            case IorCommand dashboard -> dashboard.options;
            case TraceCommand trace -> trace.options;
            case RecordCommand record -> record.options;
            case StatsCommand stats -> stats.options;
            case FlamegraphCommand flame -> flame.options;
            default -> throw new AssertionError("not a tracing command: " + command);
        };
    }

    @Test
    void adaptiveNarrowingIsOnWhereAskedForAndOffOtherwise() {
        for (List<String> command : List.of(List.<String>of(), List.of("trace"), List.of("record", "-o", "x.parquet"),
                List.of("stats"), List.of("flamegraph", "-o", "x.svg"))) {
            String[] plain = command.toArray(String[]::new);
            String[] adaptive = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--adaptive"))
                    .toArray(String[]::new);
            assertEquals(Adaptive.OFF, optionsOf(plain).settings().adaptive(), "ior " + command);
            assertEquals(Adaptive.ON, optionsOf(adaptive).settings().adaptive(), "ior " + command + " --adaptive");
        }
    }
}
