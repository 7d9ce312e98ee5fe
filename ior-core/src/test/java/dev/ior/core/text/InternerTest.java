package dev.ior.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.agrona.collections.IntHashSet;
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
        assertEquals(ids.length + 1, interner.liveCount());
    }

    @Test
    void retainingKeepsTheIdsAndStringsHeldAndReusesTheFreedIds() {
        Interner interner = new Interner();
        int[] ids = new int[10_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = interner.intern("/data/file-" + i);
        }
        IntHashSet held = new IntHashSet();
        for (int i = 0; i < ids.length; i += 10) {
            held.add(ids[i]);
        }
        assertEquals(ids.length - held.size(), interner.retainOnly(held::contains));

        assertEquals(held.size() + 1, interner.liveCount(), "the held ones and the empty string");
        for (int i = 0; i < ids.length; i += 10) {
            assertEquals("/data/file-" + i, interner.string(ids[i]), "a held id keeps its string");
            assertEquals(ids[i], interner.intern("/data/file-" + i), "and is found again by its bytes");
        }
        assertEquals("", interner.string(Interner.EMPTY));
        int limit = interner.idLimit();
        int again = interner.intern("/data/file-1");
        assertTrue(again < limit && !held.contains(again), "a freed id comes back for a new string");
        assertEquals("/data/file-1", interner.string(again));
        for (int i = 0; i < ids.length - held.size() - 1; i++) {
            interner.intern("/elsewhere/" + i);
        }
        assertEquals(limit, interner.idLimit(), "new strings fill the freed ids before new ones are made");
    }

    @Test
    void repeatedRoundsOfNewStringsStayWithinTwiceWhatIsHeld() {
        Interner interner = new Interner();
        IntHashSet held = new IntHashSet();
        for (int round = 0; round < 50; round++) {
            held.clear();
            for (int i = 0; i < 1000; i++) {
                int id = interner.intern("/round-" + round + "/file-" + i);
                if (i < 100) {
                    held.add(id);
                }
            }
            interner.retainOnly(held::contains);
        }
        assertEquals(101, interner.liveCount());
        assertTrue(interner.idLimit() <= 1101, "ids: " + interner.idLimit());
        assertTrue(interner.bytes() < 100 * 40, "bytes held: " + interner.bytes());
    }

    @Test
    void bytesThatAreNotUtf8AreEscapedInTheString() {
        Interner interner = new Interner();
        int id = interner.intern(new byte[] {'/', 'x', (byte) 0xff}, 0, 3);
        assertEquals("/x\\xff", interner.string(id));
    }
}
