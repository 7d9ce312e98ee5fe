package dev.ior.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ior.core.text.Interner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comms as the kernel hands them (16 NUL-padded bytes) to the interned strings. */
class CommIdsTest {

    private final Interner comms = new Interner();
    private final CommIds ids = new CommIds(comms);

    private String comm(String text) {
        ByteBuffer raw = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        raw.put(text.getBytes(StandardCharsets.UTF_8));
        return comms.string(ids.id(raw.getLong(0), raw.getLong(8)));
    }

    @Test
    void everyLengthUpToTheFullSixteenBytesReadsBack() {
        for (String text : List.of("", "a", "bash", "postgres", "postgres1", "kworker/u4:2-ev", "sixteen-bytes-xx",
                "\u00e9t\u00e9")) {
            assertEquals(text, comm(text));
        }
    }

    @Test
    void manyInterleavedCommsKeepTheirOwnIdsThroughCacheCollisions() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            names.add("worker-" + i);
        }
        for (int round = 0; round < 3; round++) {
            for (String name : names) {
                assertEquals(name, comm(name));
            }
        }
        assertEquals(1001, comms.liveCount(), "each comm interned once (and the empty string)");
    }

    @Test
    void aClearedCacheNeverHandsOutAnIdTheInternerFreedAndReused() {
        assertEquals("bash", comm("bash"));
        comms.retainOnly(id -> false);
        ids.clear();
        assertEquals("cat", comm("cat"), "cat takes bash's freed id");
        assertEquals("bash", comm("bash"), "bash is interned again, not read from the cache");
        comms.retainOnly(id -> false);
        ids.clear();
        comms.intern("ls"); // takes bash's freed id while bash is the last comm asked for
        assertEquals("bash", comm("bash"), "the last comm is forgotten too");
    }

    @Test
    void theFirstZeroByteIsFoundWhateverFollowsIt() {
        assertEquals(8, CommIds.zeroByte(0x0102030405060708L));
        assertEquals(0, CommIds.zeroByte(0x0102030405060700L));
        assertEquals(3, CommIds.zeroByte(0x0000000000616263L));
        assertEquals(7, CommIds.zeroByte(0x00ff808001016162L));
        assertEquals(1, CommIds.zeroByte(0x0100010001000061L));
    }
}
