package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.Adaptive;
import dev.ior.core.IorException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every tracing command takes --adaptive; without it a session never narrows itself.
 * Over a recording the filters apply and what only the live kernel does is refused.
 */
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
            case ExportCommand export -> export.options;
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

    @Test
    void overARecordingFiltersApplyAndLiveOnlyOptionsAreAUsageError() {
        var filters = optionsOf("export", "-i", "r.parquet", "--pid", "7", "--syscalls", "read", "--min-latency", "1ms")
                .settingsForRecording();
        assertEquals(java.util.Set.of(7), filters.filter().pids());
        assertEquals(java.util.Set.of("read"), filters.syscalls());
        assertEquals(1_000_000, filters.filter().minLatencyNs());
        for (String[] args : List.of(new String[] {"export", "-i", "r.parquet", "--sample-syscalls", "read=10"},
                new String[] {"stats", "--pid", "7", "--follow", "--adaptive"},
                new String[] {"flamegraph", "--ring-size", "1M", "--duration", "5"})) {
            var e = assertThrows(IorException.class, () -> optionsOf(args).settingsForRecording());
            assertEquals(IorException.USAGE_ERROR, e.exitCode());
            assertTrue(e.getMessage().endsWith(" to live tracing, not to a recording"), e.getMessage());
        }
        var e = assertThrows(IorException.class,
                () -> optionsOf("stats", "--pid", "7", "--follow", "--adaptive").settingsForRecording());
        assertEquals("--follow, --adaptive apply to live tracing, not to a recording", e.getMessage());
    }
}
