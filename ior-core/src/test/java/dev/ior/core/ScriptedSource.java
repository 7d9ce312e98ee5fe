package dev.ior.core;

import dev.ior.core.source.EventSource;
import dev.ior.core.source.SourceCounters;

/** A source whose {@link #run} a test writes: the rest does nothing, counts nothing. */
abstract class ScriptedSource implements EventSource {

    @Override
    public void open(TraceSettings settings) {
    }

    @Override
    public void stop() {
    }

    @Override
    public SourceCounters counters() {
        return SourceCounters.NONE;
    }

    @Override
    public long bootToWallOffsetNs() {
        return 0;
    }

    @Override
    public void setFilter(KernelFilter filter) {
    }

    @Override
    public void close() {
    }
}
