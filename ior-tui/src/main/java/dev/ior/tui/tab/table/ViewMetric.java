package dev.ior.tui.tab.table;

import dev.ior.core.stats.Row;
import dev.ior.tui.render.Units;
import java.util.Comparator;

/** What sizes the boxes of the chart views and, chosen with b, orders the table: b cycles them. */
enum ViewMetric {
    COUNT("count"),
    BYTES("bytes"),
    DURATION("duration");

    private final String label;

    ViewMetric(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** {@code row}'s value: events, bytes read and written, or the sum of latencies. */
    long value(Row row) {
        return switch (this) {
            case COUNT -> row.count();
            case BYTES -> row.bytesRead() + row.bytesWritten();
            case DURATION -> row.totalLatencyNs();
        };
    }

    /** {@code value} as the table writes it. */
    String format(long value) {
        return switch (this) {
            case COUNT -> Units.count(value);
            case BYTES -> Units.bytes(value);
            case DURATION -> Units.duration(value);
        };
    }

    /** Rows by this value, ties by name as the table's own sorts. */
    Comparator<Row> order(boolean descending) {
        Comparator<Row> ascending = Comparator.comparingLong(this::value);
        return (descending ? ascending.reversed() : ascending).thenComparing(Row::name).thenComparing(Row::comm);
    }

    ViewMetric next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
