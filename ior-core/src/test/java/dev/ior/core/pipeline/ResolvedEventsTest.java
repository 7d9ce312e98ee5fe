package dev.ior.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ior.core.EventRecord;
import dev.ior.core.IorEvent;
import dev.ior.core.proc.ProcFs;
import dev.ior.core.syscall.SyscallTable;
import dev.ior.core.text.Interner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvedEventsTest {

    private final SyscallTable table = SyscallTable.builtIn();
    private final List<EventRecord> copies = new ArrayList<>();
    private final List<int[]> ids = new ArrayList<>();
    private final EventPipeline pipeline = new EventPipeline(table, ProcFs.NONE, 0, Long.MAX_VALUE, e -> {
        copies.add(e.copy());
        InternedEvent interned = (InternedEvent) e;
        ids.add(new int[] {interned.commId(), interned.fileId(), interned.oldFileId()});
    }, () -> { });

    private EventRecord recorded(long seq, String comm, String file, String oldFile, int fd) {
        return new EventRecord(seq, 1_000 + seq, 5_000 + seq, 7, 9, comm, 42, 43,
                table.byName("read").orElseThrow(), fd, -2, 0, file, oldFile, -1, true, 2, 1);
    }

    @Test
    void resolvedEventsPassUnchangedButForTheSessionsOwnSequence() {
        pipeline.onEvent(recorded(100, "bash", "/etc/hosts", "", 3));
        pipeline.onEvent(recorded(7, "bash", "/etc/hosts", "/etc/old", 99));
        assertEquals(List.of(1L, 2L), copies.stream().map(IorEvent::seq).toList());
        EventRecord second = copies.get(1);
        assertEquals(new EventRecord(2, 1_007, 5_007, 7, 9, "bash", 42, 43, table.byName("read").orElseThrow(), 99,
                -2, 0, "/etc/hosts", "/etc/old", -1, true, 2, 1), second);
        assertEquals(2, pipeline.events());
        assertEquals(0, pipeline.trackedProcesses()); // nothing is resolved: no fd tables
    }

    @Test
    void equalStringsGetOneIdAndNoFileIsTheEmptyId() {
        pipeline.onEvent(recorded(1, "bash", "/etc/hosts", "", 3));
        pipeline.onEvent(recorded(2, new String("bash"), new String("/etc/hosts"), "", 3));
        pipeline.onEvent(recorded(3, "cat", "", "/etc/hosts", 3));
        assertEquals(ids.get(0)[0], ids.get(1)[0]);
        assertEquals(ids.get(0)[1], ids.get(1)[1]);
        assertNotEquals(ids.get(0)[0], ids.get(2)[0]);
        assertEquals(Interner.EMPTY, ids.get(2)[1]);
        assertEquals(ids.get(0)[1], ids.get(2)[2]);
        assertEquals(Interner.EMPTY, ids.get(0)[2]);
    }
}
