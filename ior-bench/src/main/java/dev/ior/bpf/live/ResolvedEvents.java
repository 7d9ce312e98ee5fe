package dev.ior.bpf.live;

import dev.ior.bench.RecordedWorkload;
import dev.ior.core.IorEvent;
import dev.ior.core.pipeline.EventPipeline;
import dev.ior.core.proc.ProcFs;
import dev.ior.core.syscall.SyscallTable;
import java.util.ArrayList;
import java.util.List;

/** A recorded workload's records decoded and resolved once: the events a replayed recording delivers. */
public final class ResolvedEvents {

    private ResolvedEvents() {
    }

    /** The first {@code count} records of {@code workload} as immutable events, in order. */
    public static IorEvent[] of(RecordedWorkload workload, int count) {
        List<IorEvent> events = new ArrayList<>(count);
        EventPipeline once = new EventPipeline(SyscallTable.builtIn(), ProcFs.NONE, 0, Long.MAX_VALUE,
                e -> events.add(e.copy()), () -> { });
        RecordDecoder decoder = new RecordDecoder(once);
        for (int i = 0; i < count; i++) {
            decoder.onRecord(workload.data, workload.offsets[i], workload.lengths[i]);
        }
        return events.toArray(new IorEvent[0]);
    }
}
