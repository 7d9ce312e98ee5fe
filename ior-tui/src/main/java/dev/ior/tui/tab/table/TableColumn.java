package dev.ior.tui.tab.table;

import dev.ior.core.stats.Column;
import dev.ior.core.stats.Row;
import dev.ior.tui.render.Units;

/** A column of the syscall, file and process tables: header, width, cell text, and how it sorts. */
enum TableColumn {
    NAME("", 0, Column.NAME),
    COMM("COMM", 16, Column.COMM),
    FAMILY("FAMILY", 8, Column.FAMILY),
    COUNT("COUNT", 12, Column.COUNT),
    RATE("RATE/s", 8, Column.RATE),
    AVG("AVG", 8, Column.AVG),
    P95("P95", 8, Column.P95),
    P99("P99", 8, Column.P99),
    MAX("MAX", 8, Column.MAX),
    READ("READ", 10, Column.BYTES_READ),
    WRITTEN("WRITTEN", 10, Column.BYTES_WRITTEN),
    ERRORS("ERRORS", 8, Column.ERRORS);

    private final String header;
    private final int width;
    private final Column sort;

    TableColumn(String header, int width, Column sort) {
        this.header = header;
        this.width = width;
        this.sort = sort;
    }

    String header() {
        return header;
    }

    /** Columns wide; 0 for the name, which takes what is left. */
    int width() {
        return width;
    }

    Column sort() {
        return sort;
    }

    /** Whether the column holds latencies (Enter filters by latency at least the cell's value). */
    boolean latency() {
        return this == AVG || this == P95 || this == P99 || this == MAX;
    }

    /** Whether the column holds text (sorted A to Z first). */
    boolean text() {
        return this == NAME || this == COMM || this == FAMILY;
    }

    /** The cell of {@code row}. */
    String cell(Row row) {
        return switch (this) {
            case NAME -> row.name().isEmpty() ? TableKind.NO_FILE : row.name();
            case COMM -> row.comm();
            case FAMILY -> row.family();
            case COUNT -> Units.count(row.count());
            case RATE -> Units.rate(row.ratePerSecond());
            case AVG -> Units.duration(row.avgLatencyNs());
            case P95 -> Units.duration(row.p95());
            case P99 -> Units.duration(row.p99());
            case MAX -> Units.duration(row.maxLatencyNs());
            case READ -> Units.bytes(row.bytesRead());
            case WRITTEN -> Units.bytes(row.bytesWritten());
            case ERRORS -> Units.count(row.errors());
        };
    }
}
