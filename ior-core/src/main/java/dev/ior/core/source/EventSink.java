package dev.ior.core.source;

/** Where a source delivers events; called on the source's reading thread only. */
public interface EventSink {

    /** One record; {@code event} and the bytes it references are valid only during the call. */
    void onRaw(RawEvent event);

    /** The source has caught up and is about to wait for more: a moment to flush. */
    void onIdle();
}
