package dev.ior.core.pipeline;

import dev.ior.core.IorEvent;
import dev.ior.core.text.Interner;

/**
 * The pipeline's event view with the interned ids of its strings, for consumers on
 * the pipeline thread that key by int instead of by string (ior's aggregations).
 * Reused like every {@link IorEvent}: valid only during the callback.
 */
public interface InternedEvent extends IorEvent {

    /** The id of {@link #comm()} in {@link #comms()}. */
    int commId();

    /** The id of {@link #file()} in {@link #paths()}; {@link Interner#EMPTY} when there is none. */
    int fileId();

    /** The id of {@link #oldFile()} in {@link #paths()}. */
    int oldFileId();

    /** The interner of command names (pipeline thread only). */
    Interner comms();

    /** The interner of paths (pipeline thread only). */
    Interner paths();
}
