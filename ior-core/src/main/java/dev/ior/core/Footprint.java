package dev.ior.core;

import java.util.Map;

/**
 * What a session holds, to watch it stay bounded however long it runs and however
 * many processes and paths pass by. Read from any thread; figures the reading thread
 * is changing may be a moment old.
 *
 * @param processes        processes whose fd tables the pipeline keeps (exited ones are freed)
 * @param paths            distinct paths interned (unused ones are freed now and then)
 * @param comms            distinct command names interned
 * @param collections      times the interners freed the ids nobody held any more
 * @param analysisKeys     fine keys the aggregates hold (0 without analysis; capped by its settings)
 * @param kernelMapEntries entries of the kernel side's hash maps, by map name (live sessions only)
 */
public record Footprint(int processes, int paths, int comms, long collections, int analysisKeys,
                        Map<String, Long> kernelMapEntries) {

    public Footprint {
        kernelMapEntries = Map.copyOf(kernelMapEntries);
    }
}
