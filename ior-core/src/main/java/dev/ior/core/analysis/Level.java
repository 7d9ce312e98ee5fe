package dev.ior.core.analysis;

/**
 * One pushed frame with what it scopes: the series and gaps of events passing the
 * stack up to it and, for a value frame, the keyed counts of events passing the value
 * frames up to it. Popping the frame drops these and the level below shows again.
 */
record Level(CompiledFrame test, Scope scope, KeyStore store) {

    /** When the frame was pushed, on the events' clock. */
    long sinceNs() {
        return scope.sinceNs;
    }

    boolean isValueFrame() {
        return store != null;
    }
}
