package dev.ior.core.flame;

/** What a paused flamegraph does with the events that keep arriving. */
public enum PauseMode {
    /** The picture freezes but counting goes on: resuming shows everything since the baseline. */
    KEEP_COUNTING,
    /** The picture freezes and the events of the pause are not counted in it. */
    STOP_COUNTING
}
