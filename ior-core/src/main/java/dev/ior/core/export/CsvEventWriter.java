package dev.ior.core.export;

import dev.ior.core.IorEvent;
import java.io.OutputStream;

/**
 * Writes events as CSV: the original ior's stream-export columns first, then ior's
 * own. Fields with a comma or a double quote are quoted per RFC 4180 (quotes
 * doubled); lines end with LF. Strings are already escaped ({@code \xHH}) by the time
 * they reach here, so no field holds a line break.
 */
public final class CsvEventWriter implements EventWriter {

    /** The header line, in column order. */
    public static final String HEADER =
            "seq,time_ns,gap_ns,latency_ns,comm,pid,tid,syscall,fd,ret,bytes,file,errno,old_file,old_fd,truncated";

    private final TextBuffer out;

    /** A writer to {@code out}; call {@link #writeHeader()} first. */
    public CsvEventWriter(OutputStream out) {
        this.out = new TextBuffer(out);
    }

    @Override
    public void writeHeader() {
        out.text(HEADER);
        out.put('\n');
    }

    @Override
    public void write(IorEvent e) {
        out.number(e.seq());
        out.put(',');
        out.number(e.timeNs());
        out.put(',');
        out.number(e.gapNs());
        out.put(',');
        out.number(e.latencyNs());
        out.put(',');
        field(e.comm());
        out.put(',');
        out.number(e.pid());
        out.put(',');
        out.number(e.tid());
        out.put(',');
        field(e.syscall().name());
        out.put(',');
        out.number(e.fd());
        out.put(',');
        out.number(e.ret());
        out.put(',');
        out.number(e.bytes());
        out.put(',');
        field(e.file());
        out.put(',');
        if (e.errno() != 0) {
            out.text(e.errnoName());
        }
        out.put(',');
        field(e.oldFile());
        out.put(',');
        out.number(e.oldFd());
        out.put(',');
        out.put(e.fileTruncated() ? '1' : '0');
        out.put('\n');
    }

    @Override
    public void flush() {
        out.flush();
    }

    private void field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
            out.text(value);
            return;
        }
        out.put('"');
        out.text(value.replace("\"", "\"\""));
        out.put('"');
    }
}
