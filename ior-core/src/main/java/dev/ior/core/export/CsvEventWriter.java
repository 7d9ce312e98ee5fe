package dev.ior.core.export;

import dev.ior.core.IorEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes events as CSV: the original ior's stream-export columns first, then ior's
 * own. Fields with a comma or a double quote are quoted per RFC 4180 (quotes
 * doubled); lines end with LF. Strings are already escaped ({@code \xHH}) by the time
 * they reach here, so no field holds a line break.
 *
 * <p>This is on the hot path of {@code ior trace}: it formats numbers and ASCII text
 * straight into a byte buffer, without a String per field.
 */
public final class CsvEventWriter implements AutoCloseable {

    /** The header line, in column order. */
    public static final String HEADER =
            "seq,time_ns,gap_ns,latency_ns,comm,pid,tid,syscall,fd,ret,bytes,file,errno,old_file,old_fd,truncated";

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;

    /** A writer to {@code out}; call {@link #writeHeader()} first. */
    public CsvEventWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes the header line. */
    public void writeHeader() {
        text(HEADER);
        endLine();
    }

    /** Writes one event as one line. */
    public void write(IorEvent e) {
        number(e.seq()).comma();
        number(e.timeNs()).comma();
        number(e.gapNs()).comma();
        number(e.latencyNs()).comma();
        field(e.comm()).comma();
        number(e.pid()).comma();
        number(e.tid()).comma();
        field(e.syscall().name()).comma();
        number(e.fd()).comma();
        number(e.ret()).comma();
        number(e.bytes()).comma();
        field(e.file()).comma();
        if (e.errno() != 0) {
            text(e.errnoName());
        }
        comma();
        field(e.oldFile()).comma();
        number(e.oldFd()).comma();
        put((byte) (e.fileTruncated() ? '1' : '0'));
        endLine();
    }

    /** Pushes buffered lines to the stream. */
    public void flush() {
        try {
            drain();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        flush();
    }

    private CsvEventWriter comma() {
        put((byte) ',');
        return this;
    }

    private void endLine() {
        put((byte) '\n');
    }

    private CsvEventWriter field(String value) {
        boolean quote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            text(value);
            return this;
        }
        put((byte) '"');
        text(value.replace("\"", "\"\""));
        put((byte) '"');
        return this;
    }

    private void text(String value) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) { // rare: fall back to the encoder for the whole string
                byte[] bytes = value.substring(i).getBytes(StandardCharsets.UTF_8);
                for (byte b : bytes) {
                    put(b);
                }
                return;
            }
            put((byte) c);
        }
    }

    private CsvEventWriter number(long value) {
        if (value == Long.MIN_VALUE) {
            text(Long.toString(value));
            return this;
        }
        if (value < 0) {
            put((byte) '-');
            value = -value;
        }
        if (used + 20 > buffer.length) {
            drainQuietly();
        }
        int digits = digits(value);
        int end = used + digits;
        for (int i = end - 1; i >= used; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        used = end;
        return this;
    }

    private static int digits(long value) {
        int n = 1;
        while (value >= 10) {
            value /= 10;
            n++;
        }
        return n;
    }

    private void put(byte b) {
        if (used == buffer.length) {
            drainQuietly();
        }
        buffer[used++] = b;
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drain() throws IOException {
        if (used > 0) {
            out.write(buffer, 0, used);
            used = 0;
        }
    }
}
