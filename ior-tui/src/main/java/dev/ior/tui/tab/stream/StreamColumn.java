package dev.ior.tui.tab.stream;

import dev.ior.core.EventRecord;
import dev.ior.core.filter.FilterField;
import dev.ior.core.filter.FilterFrame;
import dev.ior.core.filter.FilterOperator;
import dev.ior.tui.render.Units;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A column of the event stream: header, width, cell text, and the filter frame its cell stands for. */
enum StreamColumn {
    TIME("TIME", 15, null),
    COMM("COMM", 16, FilterField.COMM),
    PID("PID", 7, FilterField.PID),
    TID("TID", 7, FilterField.TID),
    SYSCALL("SYSCALL", 13, FilterField.SYSCALL),
    FD("FD", 4, FilterField.FD),
    RET("RET", 14, FilterField.RET),
    BYTES("BYTES", 9, FilterField.BYTES),
    LATENCY("LATENCY", 8, FilterField.LATENCY),
    GAP("GAP", 8, FilterField.GAP),
    FILE("FILE", 0, FilterField.FILE);

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS")
            .withZone(ZoneId.systemDefault());

    private final String header;
    private final int width;
    private final FilterField field;

    StreamColumn(String header, int width, FilterField field) {
        this.header = header;
        this.width = width;
        this.field = field;
    }

    String header() {
        return header;
    }

    /** Columns wide; 0 for the file, which takes what is left. */
    int width() {
        return width;
    }

    /** Whether the cell is right-aligned (numbers). */
    boolean numeric() {
        return this == PID || this == TID || this == FD || this == RET || this == BYTES || this == LATENCY
                || this == GAP;
    }

    /** A time of day as the TIME column shows it: {@code 14:03:07.123456}. */
    static String clock(long wallTimeNs) {
        return CLOCK.format(Instant.ofEpochSecond(0, wallTimeNs));
    }

    String cell(EventRecord e) {
        return switch (this) {
            case TIME -> clock(e.wallTimeNs());
            case COMM -> e.comm();
            case PID -> Integer.toString(e.pid());
            case TID -> Integer.toString(e.tid());
            case SYSCALL -> e.syscall().name();
            case FD -> e.fd() < 0 ? "-" : Integer.toString(e.fd());
            case RET -> e.isError() ? e.ret() + " " + e.errnoName() : Long.toString(e.ret());
            case BYTES -> Long.toString(e.bytes());
            case LATENCY -> Units.duration(e.latencyNs());
            case GAP -> Units.duration(e.gapNs());
            case FILE -> e.oldFile().isEmpty() ? e.file() : e.oldFile() + " -> " + e.file();
        };
    }

    /**
     * The frame that keeps events like {@code e} in this column: equality, or for
     * latency and gap "at least the value shown"; null for the time and for events
     * without a file.
     */
    FilterFrame frame(EventRecord e) {
        return switch (this) {
            case TIME -> null;
            case LATENCY, GAP -> FilterFrame.of(field, FilterOperator.AT_LEAST, cell(e)); // rounded down: e passes
            case RET -> FilterFrame.exact(field, Long.toString(e.ret()));
            case FD -> FilterFrame.exact(field, Integer.toString(e.fd()));
            case FILE -> e.file().isEmpty() ? null : FilterFrame.exact(field, e.file());
            default -> FilterFrame.exact(field, cell(e));
        };
    }
}
