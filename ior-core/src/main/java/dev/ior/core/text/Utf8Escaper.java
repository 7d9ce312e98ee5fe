package dev.ior.core.text;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Turns raw kernel bytes (paths, comms) into printable Java strings with one
 * notation for everything that is not printable UTF-8: {@code \xHH} per byte. That
 * covers invalid UTF-8, control characters and newlines, so every output (CSV,
 * NDJSON, the dashboard, Parquet) carries the same text and every reader accepts it.
 * A multi-byte character cut off at the end (a truncated path) is dropped, as the
 * original ior does.
 */
public final class Utf8Escaper {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Utf8Escaper() {
    }

    /** Decodes {@code length} bytes of {@code segment} at {@code offset}. */
    public static String decode(MemorySegment segment, long offset, int length) {
        // Fast path: printable ASCII needs no builder.
        int i = 0;
        for (; i < length; i++) {
            byte b = segment.get(ValueLayout.JAVA_BYTE, offset + i);
            if (b < 0x20 || b == 0x7f) { // negative: non-ASCII
                break;
            }
        }
        if (i == length) {
            byte[] ascii = new byte[length];
            MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, offset, ascii, 0, length);
            return new String(ascii, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        StringBuilder out = new StringBuilder(length + 8);
        for (int j = 0; j < i; j++) {
            out.append((char) segment.get(ValueLayout.JAVA_BYTE, offset + j));
        }
        while (i < length) {
            int b = segment.get(ValueLayout.JAVA_BYTE, offset + i) & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                out.append((char) b);
                i++;
                continue;
            }
            int need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
            if (need == 0) {
                escape(out, b);
                i++;
                continue;
            }
            if (i + need >= length && allContinuation(segment, offset, i + 1, length)) {
                break; // a character cut off by the end of the bytes: drop it
            }
            int cp = b & (0x3f >> need);
            boolean valid = i + need < length;
            for (int k = 1; valid && k <= need; k++) {
                int c = segment.get(ValueLayout.JAVA_BYTE, offset + i + k) & 0xff;
                if ((c & 0xc0) != 0x80) {
                    valid = false;
                } else {
                    cp = (cp << 6) | (c & 0x3f);
                }
            }
            valid = valid && !(need == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)))
                    && !(need == 3 && (cp < 0x10000 || cp > 0x10ffff));
            if (valid && (cp < 0xa0 && cp >= 0x80)) { // C1 control characters
                valid = false;
            }
            if (!valid) {
                escape(out, b);
                i++;
                continue;
            }
            out.appendCodePoint(cp);
            i += need + 1;
        }
        return out.toString();
    }

    /** Decodes a whole byte array. */
    public static String decode(byte[] bytes) {
        return decode(MemorySegment.ofArray(bytes), 0, bytes.length);
    }

    private static boolean allContinuation(MemorySegment segment, long offset, int from, int to) {
        for (int k = from; k < to; k++) {
            if ((segment.get(ValueLayout.JAVA_BYTE, offset + k) & 0xc0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void escape(StringBuilder out, int b) {
        out.append('\\').append('x').append(HEX[b >> 4]).append(HEX[b & 0xf]);
    }
}
