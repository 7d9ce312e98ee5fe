package dev.ior.core.export;

import dev.ior.core.IorEvent;
import java.io.OutputStream;

/**
 * Writes events as newline-delimited JSON, one object per event, with the same
 * field names as the CSV and Parquet columns; {@code errno} is null on success.
 */
public final class NdjsonEventWriter implements EventWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

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
        string(e.comm());
        out.text(",\"pid\":");
        out.number(e.pid());
        out.text(",\"tid\":");
        out.number(e.tid());
        out.text(",\"syscall\":");
        string(e.syscall().name());
        out.text(",\"fd\":");
        out.number(e.fd());
        out.text(",\"ret\":");
        out.number(e.ret());
        out.text(",\"bytes\":");
        out.number(e.bytes());
        out.text(",\"file\":");
        string(e.file());
        out.text(",\"errno\":");
        if (e.errno() != 0) {
            string(e.errnoName());
        } else {
            out.text("null");
        }
        out.text(",\"old_file\":");
        string(e.oldFile());
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

    /** A JSON string: quote, backslash and control characters escaped. */
    private void string(String value) {
        out.put('"');
        int length = value.length();
        int plain = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                out.text(value.substring(plain, i));
                out.put('\\');
                if (c < 0x20) {
                    out.text("u00");
                    out.put(HEX[c >> 4]);
                    out.put(HEX[c & 0xf]);
                } else {
                    out.put(c);
                }
                plain = i + 1;
            }
        }
        out.text(plain == 0 ? value : value.substring(plain));
        out.put('"');
    }
}
