package dev.ior.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One notation, \xHH, for every byte that is not printable UTF-8. */
class Utf8EscaperTest {

    private static String decode(byte... bytes) {
        return Utf8Escaper.decode(bytes);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void printableTextIsKeptAsItIs() {
        assertEquals("/var/lib/postgresql/16/main/base/5/1259", decode(utf8("/var/lib/postgresql/16/main/base/5/1259")));
        assertEquals("/home/jörg/文書/😀.txt", decode(utf8("/home/jörg/文書/😀.txt")));
    }

    @Test
    void controlCharactersAndNewlinesAreEscaped() {
        assertEquals("/tmp/a\\x0ab\\x09c\\x1b[31m\\x7f", decode(utf8("/tmp/a\nb\tc\u001b[31m\u007f")));
    }

    @Test
    void invalidBytesAreEscapedOneByOne() {
        assertEquals("/tmp/\\xff\\xfe", decode((byte) '/', (byte) 't', (byte) 'm', (byte) 'p', (byte) '/',
                (byte) 0xff, (byte) 0xfe));
        // a lone continuation byte, an overlong '/', a surrogate half, a code point past U+10FFFF
        assertEquals("a\\x80b", decode((byte) 'a', (byte) 0x80, (byte) 'b'));
        assertEquals("\\xc0\\xaf", decode((byte) 0xc0, (byte) 0xaf));
        assertEquals("\\xed\\xa0\\x80x", decode((byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 'x'));
        assertEquals("\\xf4\\x90\\x80\\x80x", decode((byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80, (byte) 'x'));
        // a lead byte followed by something that is not a continuation
        assertEquals("\\xc3x", decode((byte) 0xc3, (byte) 'x'));
    }

    @Test
    void c1ControlCharactersAreEscapedToo() {
        assertEquals("\\xc2\\x85", decode((byte) 0xc2, (byte) 0x85));
    }

    @Test
    void aCharacterCutOffAtTheEndIsDropped() {
        // the kernel cuts comm at 15 bytes and paths at the copy limit, inside a character
        byte[] cut = utf8("ääääääää"); // 16 bytes
        byte[] fifteen = java.util.Arrays.copyOf(cut, 15);
        assertEquals("äääääää", decode(fifteen));
        byte[] euro = utf8("x€"); // € is three bytes
        assertEquals("x", decode(java.util.Arrays.copyOf(euro, 3)));
    }
}
