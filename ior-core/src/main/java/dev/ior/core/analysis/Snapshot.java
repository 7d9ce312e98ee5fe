package dev.ior.core.analysis;

import dev.ior.core.EventRecord;
import dev.ior.core.flame.FlameGraph;
import dev.ior.core.stats.Distribution;
import dev.ior.core.stats.Table;
import dev.ior.core.stats.TimeSeries;
import java.util.List;
import java.util.Map;

/**
 * Everything a session has counted, as of one moment, narrowed by the filter stack:
 * immutable, consistent (made between two events on the pipeline thread) and safe to
 * read from any thread. A dashboard renders one per frame; a tool reads one at the end.
 *
 * @param events           events the session has seen, whatever the filter
 * @param timeNs           the moment, on the events' clock (CLOCK_BOOTTIME for live sessions)
 * @param filter           the filter stack and since when its frames apply
 * @param health           rates, losses and evictions
 * @param syscalls         one row per syscall
 * @param files            one row per path ("" for events without a file)
 * @param processes        one row per pid, named by pid, with its latest comm
 * @param comms            one row per command name
 * @param latency          latencies of all syscalls
 * @param gap              gaps of all syscalls
 * @param latencyBySyscall latencies per syscall name
 * @param gapBySyscall     gaps per syscall name
 * @param series           sparklines and heatmap over the last seconds
 * @param flame            the flamegraph's keyed counts
 * @param stream           the latest events that pass the filter, oldest first
 */
public record Snapshot(long events, long timeNs, FilterStatus filter, Health health, Table syscalls, Table files,
                       Table processes, Table comms, Distribution latency, Distribution gap,
                       Map<String, Distribution> latencyBySyscall, Map<String, Distribution> gapBySyscall,
                       TimeSeries series, FlameGraph flame, List<EventRecord> stream) {

    public Snapshot {
        latencyBySyscall = Map.copyOf(latencyBySyscall);
        gapBySyscall = Map.copyOf(gapBySyscall);
        stream = List.copyOf(stream);
    }

    /** The files table rolled up {@code levels} directories ({@link Table#rolledUp}). */
    public Table directories(int levels) {
        return files.rolledUp(levels);
    }
}
