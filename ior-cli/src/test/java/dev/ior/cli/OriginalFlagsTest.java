package dev.ior.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The original ior's mode flags select the subcommand that means the same. */
class OriginalFlagsTest {

    @Test
    void aParquetFlagIsARecording() {
        String[] args = OriginalFlags.translate(new String[] {"-pid", "42", "-parquet", "/tmp/x.parquet", "-duration", "10"});
        assertArrayEquals(new String[] {"record", "-pid", "42", "-parquet", "/tmp/x.parquet", "-duration", "10"}, args);
        var parsed = Main.commandLine().parseArgs(args).subcommand();
        RecordCommand record = (RecordCommand) parsed.commandSpec().userObject();
        assertEquals("/tmp/x.parquet", record.output.toString());
        assertEquals(java.util.List.of(42), record.options.pids);
        assertEquals(java.time.Duration.ofSeconds(10), record.options.duration);
    }

    @Test
    void aFlamegraphFlagIsAFlamegraphWithTheOriginalsFieldsAndCount() {
        String[] args = OriginalFlags.translate(
                new String[] {"-flamegraph", "-fields", "comm,tracepoint,path", "-count", "bytes", "-duration", "5"});
        assertArrayEquals(new String[] {"flamegraph", "-fields", "comm,tracepoint,path", "-count", "bytes",
            "-duration", "5"}, args);
        var parsed = Main.commandLine().parseArgs(args).subcommand();
        FlamegraphCommand flame = (FlamegraphCommand) parsed.commandSpec().userObject();
        assertEquals("comm,tracepoint,path", flame.flame.fields);
        assertEquals("bytes", flame.flame.count);
    }

    @Test
    void aPlainFlagIsATrace() {
        assertArrayEquals(new String[] {"trace", "-comm", "bash"},
                OriginalFlags.translate(new String[] {"-plain", "-comm", "bash"}));
    }

    @Test
    void subcommandsAndOtherFlagsAreLeftAlone() {
        String[] trace = {"trace", "-plain"};
        assertArrayEquals(trace, OriginalFlags.translate(trace));
        String[] help = {"--help"};
        assertArrayEquals(help, OriginalFlags.translate(help));
    }
}
