package dev.ior.core.source;

import dev.ior.core.IorEvent;

/** Where a source delivers events; called on the source's reading thread only. */
public interface EventSink {

    /** One record; {@code event} and the bytes it references are valid only during the call. */
    void onRaw(RawEvent event);

    /**
     * One event already resolved (a recording's row, a synthetic event): its comm and
     * paths are taken as they are, no fd is resolved. {@code event} is valid only during
     * the call; its {@link IorEvent#seq()} is ignored (the session numbers events).
     */
    void onEvent(IorEvent event);

    /** The source has caught up and is about to wait for more: a moment to flush. */
    void onIdle();
}
