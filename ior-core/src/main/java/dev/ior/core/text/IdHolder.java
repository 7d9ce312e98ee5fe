package dev.ior.core.text;

/**
 * Keeps interned ids beyond one event (fd tables, aggregates, the stream tail). The
 * pipeline asks every holder which ids it holds before its interners free the
 * others; an id not named may then come back for a different string. Pipeline
 * thread only.
 */
public interface IdHolder {

    /** Names every comm and path id held now. */
    void markHeld(HeldIds held);

    /** The ids not named were freed: forget anything remembered per id (cached decisions). */
    default void afterCollection() {
    }
}
