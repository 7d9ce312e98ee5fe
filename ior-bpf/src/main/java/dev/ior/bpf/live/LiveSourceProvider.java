package dev.ior.bpf.live;

import dev.ior.core.source.EventSource;
import dev.ior.core.source.LiveSourceFactory;

/** Registers {@link LiveSource} with ior-core's {@link java.util.ServiceLoader} lookup. */
public final class LiveSourceProvider implements LiveSourceFactory {

    @Override
    public EventSource create() {
        return new LiveSource();
    }
}
