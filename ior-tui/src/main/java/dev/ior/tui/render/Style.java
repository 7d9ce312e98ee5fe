package dev.ior.tui.render;

/** What a piece of text is, which the {@link Theme} turns into colours and attributes. */
public enum Style {
    /** Ordinary text. */
    NORMAL,
    /** Column headers and section titles. */
    HEADER,
    /** The cursor: a selected row, cell or list entry. */
    SELECTED,
    /** A tab in the tab bar. */
    TAB,
    /** The tab shown. */
    TAB_ACTIVE,
    /** Keys and state in the toolbar and help. */
    KEY,
    /** Something the user should notice (paused, a filter active, too small). */
    WARN,
    /** Something that went wrong. */
    ERROR,
    /** A recording in progress. */
    RECORDING,
    /** A search match. */
    MATCH,
    /** Flamegraph frames, alternating so that neighbours differ. */
    FLAME_A,
    /** Flamegraph frames, the second colour. */
    FLAME_B,
    /** Flamegraph frames, the third colour. */
    FLAME_C,
    /** Flamegraph frames outside the zoom or the search: greyed out. */
    FLAME_GREY,
    /** The selected flamegraph frame. */
    FLAME_SELECTED,
    /** Histogram and sparkline bars. */
    BAR,
    /** Percentile marks on histograms. */
    MARK,
    /** The hottest heatmap cells. */
    HOT
}
