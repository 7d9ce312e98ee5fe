package dev.ior.tui.tab.table;

import dev.ior.core.analysis.Snapshot;
import dev.ior.core.filter.FilterField;
import dev.ior.core.filter.FilterFrame;
import dev.ior.core.filter.FilterOperator;
import dev.ior.core.stats.Row;
import dev.ior.core.stats.Table;
import java.util.List;

/** What one of the three table tabs shows: syscalls, files (or directories), processes (or comms). */
enum TableKind {
    SYSCALLS("Syscalls", "SYSCALL"),
    FILES("Files", "FILE"),
    PROCESSES("Processes", "PID"),
    COMMS("Processes", "COMM");

    /** How the row of events without a file is shown. */
    static final String NO_FILE = "(no file)";

    private final String title;
    private final String nameHeader;

    TableKind(String title, String nameHeader) {
        this.title = title;
        this.nameHeader = nameHeader;
    }

    String title() {
        return title;
    }

    String nameHeader() {
        return nameHeader;
    }

    /** The table of {@code snapshot}, files rolled up {@code levels} directories. */
    Table table(Snapshot snapshot, int levels) {
        return switch (this) {
            case SYSCALLS -> snapshot.syscalls();
            case FILES -> snapshot.directories(levels);
            case PROCESSES -> snapshot.processes();
            case COMMS -> snapshot.comms();
        };
    }

    List<TableColumn> columns() {
        return List.of(TableColumn.values()).stream()
                .filter(c -> (c != TableColumn.COMM || this == PROCESSES) && (c != TableColumn.FAMILY || this == SYSCALLS))
                .toList();
    }

    /**
     * The frame that keeps only {@code row}'s events: exact for names, a directory
     * prefix for rolled-up files; null when the row stands for no one value (the
     * "(other)" row, events without a file).
     */
    FilterFrame frame(Row row, boolean rolledUp) {
        if (row.other() || row.name().isEmpty()) {
            return null;
        }
        return switch (this) {
            case SYSCALLS -> FilterFrame.exact(FilterField.SYSCALL, row.name());
            case FILES -> rolledUp && row.name().startsWith("/")
                    ? FilterFrame.of(FilterField.FILE, FilterOperator.MATCHES, "^" + regexQuoted(row.name())
                            + (row.name().equals("/") ? "" : "(/|$)"))
                    : FilterFrame.exact(FilterField.FILE, row.name());
            case PROCESSES -> FilterFrame.exact(FilterField.PID, row.name());
            case COMMS -> FilterFrame.exact(FilterField.COMM, row.name());
        };
    }

    /** {@code text} with regular-expression metacharacters escaped, readable in the filter line. */
    static String regexQuoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (char c : text.toCharArray()) {
            if (".[]{}()\\*+?^$|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
