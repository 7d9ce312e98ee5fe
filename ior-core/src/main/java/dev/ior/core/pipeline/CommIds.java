package dev.ior.core.pipeline;

import dev.ior.core.text.Interner;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Interned ids of comms as the kernel hands them (16 bytes, NUL-padded, read as two
 * longs), found without looking at their bytes: the last comm asked for, then a small
 * direct-mapped cache, in front of the interner. Events of many processes interleave, so
 * remembering only the last comm missed on most changes, and a miss costs a byte scan and
 * a hash of the bytes.
 * Pipeline thread only.
 */
final class CommIds {

    private static final int SLOTS = 256;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final Interner comms;
    private final long[] lows = new long[SLOTS];
    private final long[] highs = new long[SLOTS];
    /** Id + 1 per slot; 0 = empty. */
    private final int[] ids = new int[SLOTS];
    private final MemorySegment bytes = MemorySegment.ofArray(new byte[16]);
    /** The last comm asked for, checked first: runs of one process's events are the common case. */
    private long lastLow;
    private long lastHigh;
    private int lastId = -1;

    CommIds(Interner comms) {
        this.comms = comms;
    }

    /** The id of the comm whose bytes are {@code low} (first 8) and {@code high} (last 8), little-endian. */
    int id(long low, long high) {
        if (low == lastLow && high == lastHigh && lastId >= 0) {
            return lastId;
        }
        lastLow = low;
        lastHigh = high;
        lastId = cachedOrInterned(low, high);
        return lastId;
    }

    private int cachedOrInterned(long low, long high) {
        int slot = slot(low, high);
        int entry = ids[slot];
        if (entry != 0 && lows[slot] == low && highs[slot] == high) {
            return entry - 1;
        }
        bytes.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, low);
        bytes.set(ValueLayout.JAVA_LONG_UNALIGNED, 8, high);
        int first = zeroByte(low);
        int id = comms.intern(bytes, 0, first < 8 ? first : 8 + zeroByte(high));
        lows[slot] = low;
        highs[slot] = high;
        ids[slot] = id + 1;
        return id;
    }

    /** Forgets every cached id: after the interner freed ids, a cached one may name another comm. */
    void clear() {
        Arrays.fill(ids, 0);
        lastId = -1;
    }

    /** The index of the first zero byte of {@code word} (little-endian), 8 when there is none. */
    static int zeroByte(long word) {
        long zeros = (word - ONES) & ~word & HIGHS; // the lowest flagged byte is exactly the first zero
        return zeros == 0 ? 8 : Long.numberOfTrailingZeros(zeros) >>> 3;
    }

    private static int slot(long low, long high) {
        long h = (low ^ Long.rotateLeft(high, 29)) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 56);
    }
}
