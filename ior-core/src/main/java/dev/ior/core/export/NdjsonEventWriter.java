package dev.ior.core.export;

import dev.ior.core.IorEvent;
import java.io.OutputStream;

/**
 * Writes events as newline-delimited JSON, one object per event, with the same
 * field names as the CSV and Parquet columns; {@code errno} is null on success.
 */
public final class NdjsonEventWriter implements EventWriter {

    private final TextBuffer out;

    /** A writer to {@code out}. */
    public NdjsonEventWriter(OutputStream out) {
        this.out = new TextBuffer(out);
    }

    @Override
    public void writeHeader() {
        // NDJSON has no header
    }

    @Override
    public void write(IorEvent e) {
        out.text("{\"seq\":");
        out.number(e.seq());
        out.text(",\"time_ns\":");
        out.number(e.timeNs());
        out.text(",\"gap_ns\":");
        out.number(e.gapNs());
        out.text(",\"latency_ns\":");
        out.number(e.latencyNs());
        out.text(",\"comm\":");
        out.jsonString(e.comm());
        out.text(",\"pid\":");
        out.number(e.pid());
        out.text(",\"tid\":");
        out.number(e.tid());
        out.text(",\"syscall\":");
        out.jsonString(e.syscall().name());
        out.text(",\"fd\":");
        out.number(e.fd());
        out.text(",\"ret\":");
        out.number(e.ret());
        out.text(",\"bytes\":");
        out.number(e.bytes());
        out.text(",\"file\":");
        out.jsonString(e.file());
        out.text(",\"errno\":");
        if (e.errno() != 0) {
            out.jsonString(e.errnoName());
        } else {
            out.text("null");
        }
        out.text(",\"old_file\":");
        out.jsonString(e.oldFile());
        out.text(",\"old_fd\":");
        out.number(e.oldFd());
        out.text(",\"truncated\":");
        out.text(e.fileTruncated() ? "true" : "false");
        out.text("}\n");
    }

    @Override
    public void flush() {
        out.flush();
    }
}
