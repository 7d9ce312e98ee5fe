package dev.ior.bpf.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.core.EventRecord;
import dev.ior.core.IorSession;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.TestTables;
import dev.ior.core.testing.IoHelper;
import dev.ior.core.testing.RequiresRoot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kernel without a syscall of ior's table (older kernels lack newer calls): that
 * row is skipped, and tracing everything else works as usual.
 */
@RequiresRoot
class MissingSyscallTest {

    @Test
    void aSyscallThisKernelLacksIsSkippedAndTheRestIsTraced(@TempDir Path dir) throws Exception {
        LiveSource source = new LiveSource(TestTables.builtInPlus("ior_no_such_call\t1000\tFS\tread\tfd,-,count\t-"));
        Path missing = dir.resolve("absent");
        Collector collector = new Collector();
        try (IoHelper helper = IoHelper.start("missing", missing.toString());
             IorSession session = IorSession.builder().source(source).pid(helper.pid())
                     .syscalls("ior_no_such_call", "openat").build()) {
            session.onEvent(collector);
            session.startAsync();
            helper.go();
            List<EventRecord> events = collector.until(e -> e.file().equals(missing.toString()),
                    Duration.ofSeconds(5));

            assertEquals(List.of("openat"), source.traced().stream().map(Syscall::name).toList(),
                    "the selection as this kernel has it");
            assertTrue(events.stream().anyMatch(e -> e.syscall().name().equals("openat") && e.ret() == -2));
        }
    }
}
