package dev.ior.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Interning: one id and one String per distinct byte string, however it arrives. */
class InternerTest {

    @Test
    void theSameBytesGetTheSameIdAndTheSameString() {
        Interner interner = new Interner();
        byte[] buffer = "xx/etc/hostsyy".getBytes(StandardCharsets.UTF_8);
        int fromSlice = interner.intern(buffer, 2, 10);
        int fromString = interner.intern("/etc/hosts");
        assertEquals(fromSlice, fromString);
        assertSame(interner.string(fromSlice), interner.string(fromString));
        assertEquals("/etc/hosts", interner.string(fromSlice));
        assertNotEquals(fromSlice, interner.intern("/etc/host"));
    }

    @Test
    void theEmptyStringIsAlwaysIdZero() {
        Interner interner = new Interner();
        assertEquals(Interner.EMPTY, interner.intern(""));
        assertEquals("", interner.string(Interner.EMPTY));
    }

    @Test
    void manyStringsSurviveGrowthWithStableIds() {
        Interner interner = new Interner();
        int[] ids = new int[100_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = interner.intern("/data/file-" + i);
        }
        for (int i = 0; i < ids.length; i += 997) {
            assertEquals(ids[i], interner.intern("/data/file-" + i));
            assertEquals("/data/file-" + i, interner.string(ids[i]));
        }
        assertEquals(ids.length + 1, interner.size());
    }

    @Test
    void bytesThatAreNotUtf8AreEscapedInTheString() {
        Interner interner = new Interner();
        int id = interner.intern(new byte[] {'/', 'x', (byte) 0xff}, 0, 3);
        assertEquals("/x\\xff", interner.string(id));
    }
}
