package dev.ior.core.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A byte buffer in front of an output stream that formats numbers and text without
 * a String per field: the shared hot path of ior's line-per-event writers.
 */
final class TextBuffer {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;

    TextBuffer(OutputStream out) {
        this.out = out;
    }

    void put(byte b) {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = b;
    }

    void put(char c) {
        put((byte) c);
    }

    /** Text as UTF-8. */
    void text(String value) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) { // rare: encode the rest as a whole
                for (byte b : value.substring(i).getBytes(StandardCharsets.UTF_8)) {
                    put(b);
                }
                return;
            }
            put((byte) c);
        }
    }

    /** A decimal number. */
    void number(long value) {
        if (value == Long.MIN_VALUE) {
            text(Long.toString(value));
            return;
        }
        if (value < 0) {
            put('-');
            value = -value;
        }
        if (used + 20 > buffer.length) {
            drain();
        }
        int end = used + digits(value);
        for (int i = end - 1; i >= used; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        used = end;
    }

    /** A JSON string: quotes around it; quote, backslash and control characters escaped. */
    void jsonString(String value) {
        put('"');
        int length = value.length();
        int plain = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                text(value.substring(plain, i));
                put('\\');
                if (c < 0x20) {
                    text("u00");
                    put(HEX[c >> 4]);
                    put(HEX[c & 0xf]);
                } else {
                    put(c);
                }
                plain = i + 1;
            }
        }
        text(plain == 0 ? value : value.substring(plain));
        put('"');
    }

    /** Pushes everything buffered to the stream and flushes it. */
    void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drain() {
        if (used > 0) {
            try {
                out.write(buffer, 0, used);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            used = 0;
        }
    }

    private static int digits(long value) {
        int n = 1;
        while (value >= 10) {
            value /= 10;
            n++;
        }
        return n;
    }
}
