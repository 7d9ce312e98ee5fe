package dev.ior.tui.tab.table;

/** How a table tab draws its rows: v cycles them. */
enum TableView {
    TABLE("table"),
    TREEMAP("treemap"),
    BUBBLES("bubbles"),
    /** The directory tree, instead of bubbles, in Files with directory grouping. */
    ICICLE("icicle");

    private final String label;

    TableView(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The view after this one: table, treemap, then bubbles or (files grouped by directory) the icicle. */
    TableView next(boolean directories) {
        return switch (this) {
            case TABLE -> TREEMAP;
            case TREEMAP -> directories ? ICICLE : BUBBLES;
            case BUBBLES, ICICLE -> TABLE;
        };
    }

    /** This view as it applies with or without directory grouping: the third view follows the grouping. */
    TableView with(boolean directories) {
        return this == BUBBLES && directories ? ICICLE : this == ICICLE && !directories ? BUBBLES : this;
    }
}
