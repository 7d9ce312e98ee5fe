package dev.ior.core.text;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Maps byte strings (paths, comms) to dense int ids without allocating on a hit, so
 * the hot path keys everything by int. Bytes live in one growing arena; the Java
 * string of an id is made once, on first request, with {@link Utf8Escaper}.
 *
 * <p>Bounded: {@link #retainOnly} frees the ids nobody holds any more (their bytes,
 * string and index entry) and reuses them for new strings, so a long run over
 * millions of distinct paths holds only the ones still in use. An id that is kept
 * keeps its number: nothing held needs remapping.
 *
 * <p>Single-threaded: owned by the pipeline thread. Readers on other threads get
 * strings through snapshots, never through this class.
 */
public final class Interner {

    /** The id of the empty string, present in every interner. */
    public static final int EMPTY = 0;

    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;
    private static final int FREED = -1;
    private static final int MIN_ARENA = 1 << 16;
    private static final int MIN_SLOTS = 2048;

    private byte[] arena = new byte[1 << 16];
    private MemorySegment arenaSegment = MemorySegment.ofArray(arena);
    private int arenaUsed;
    private int[] offsets = new int[1024];
    private int[] lengths = new int[1024];
    private int[] hashes = new int[1024];
    private String[] strings = new String[1024];
    /** Ids in use or free are below this. */
    private int size;
    /** Freed ids, reused first; their length is {@link #FREED}. */
    private int[] free = new int[64];
    private int freeCount;
    /** Open addressing: id + 1 per slot, 0 = empty. */
    private int[] slots = new int[2048];

    /** An interner holding only the empty string. */
    public Interner() {
        intern(MemorySegment.ofArray(new byte[0]), 0, 0);
    }

    /** The id of {@code length} bytes of {@code source} at {@code offset}, adding them if new. */
    public int intern(MemorySegment source, long offset, int length) {
        int hash = hash(source, offset, length);
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                int id = add(source, offset, length, hash);
                slots[slot] = id + 1;
                if (liveCount() * 2 > slots.length) {
                    rehash(slots.length * 2);
                }
                return id;
            }
            int id = entry - 1;
            if (hashes[id] == hash && lengths[id] == length
                    && MemorySegment.mismatch(arenaSegment, offsets[id], offsets[id] + length,
                            source, offset, offset + length) == -1) {
                return id;
            }
        }
    }

    /** The id of {@code length} bytes of {@code bytes} at {@code offset}. */
    public int intern(byte[] bytes, int offset, int length) {
        return intern(MemorySegment.ofArray(bytes), offset, length);
    }

    /** The id of a Java string's UTF-8 bytes (not for the hot path: it allocates). */
    public int intern(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int id = intern(bytes, 0, bytes.length);
        if (strings[id] == null) {
            strings[id] = text; // keep the caller's text: it may already be escaped
        }
        return id;
    }

    /** The printable string of {@code id}. */
    public String string(int id) {
        String s = strings[id];
        if (s == null) {
            s = Utf8Escaper.decode(arenaSegment, offsets[id], lengths[id]);
            strings[id] = s;
        }
        return s;
    }

    /** The byte length of {@code id}'s string. */
    public int length(int id) {
        return lengths[id];
    }

    /** Copies the bytes of {@code id} into {@code target} at {@code at}; returns the length. */
    public int copyBytes(int id, byte[] target, int at) {
        int length = lengths[id];
        System.arraycopy(arena, offsets[id], target, at, length);
        return length;
    }

    /** The first byte of {@code id}'s string, or -1 when it is empty. */
    public int firstByte(int id) {
        return lengths[id] == 0 ? -1 : arena[offsets[id]] & 0xff;
    }

    /** How many distinct strings are held (the empty one included). */
    public int liveCount() {
        return size - freeCount;
    }

    /** Every id held is below this; arrays indexed by id need no more room. */
    public int idLimit() {
        return size;
    }

    /** Bytes of string data held. */
    public long bytes() {
        return arenaUsed;
    }

    /**
     * Frees every id but {@link #EMPTY} for which {@code keep} is false: its string
     * is forgotten and the id may come back for another string. Kept ids keep their
     * number and bytes; the byte arena and the index shrink to what is kept.
     *
     * @return how many ids were freed
     */
    public int retainOnly(IntPredicate keep) {
        int kept = 0;
        long keptBytes = 0;
        for (int id = 1; id < size; id++) {
            if (lengths[id] != FREED && keep.test(id)) {
                kept++;
                keptBytes += lengths[id];
            }
        }
        byte[] compacted = new byte[(int) Math.max(MIN_ARENA, keptBytes + keptBytes / 2)];
        int used = 0;
        int freed = 0;
        for (int id = 1; id < size; id++) {
            if (lengths[id] == FREED) {
                continue;
            }
            if (keep.test(id)) {
                System.arraycopy(arena, offsets[id], compacted, used, lengths[id]);
                offsets[id] = used;
                used += lengths[id];
            } else {
                lengths[id] = FREED;
                strings[id] = null;
                if (freeCount == free.length) {
                    free = Arrays.copyOf(free, freeCount * 2);
                }
                free[freeCount++] = id;
                freed++;
            }
        }
        arena = compacted;
        arenaSegment = MemorySegment.ofArray(arena);
        arenaUsed = used;
        rehash(Math.max(MIN_SLOTS, Integer.highestOneBit(Math.max(1, kept + 1) * 4)));
        return freed;
    }

    private int add(MemorySegment source, long offset, int length, int hash) {
        if (arenaUsed + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + length));
            arenaSegment = MemorySegment.ofArray(arena);
        }
        MemorySegment.copy(source, ValueLayout.JAVA_BYTE, offset, arena, arenaUsed, length);
        int id;
        if (freeCount > 0) {
            id = free[--freeCount];
        } else {
            if (size == offsets.length) {
                int capacity = size * 2;
                offsets = Arrays.copyOf(offsets, capacity);
                lengths = Arrays.copyOf(lengths, capacity);
                hashes = Arrays.copyOf(hashes, capacity);
                strings = Arrays.copyOf(strings, capacity);
            }
            id = size++;
        }
        offsets[id] = arenaUsed;
        lengths[id] = length;
        hashes[id] = hash;
        arenaUsed += length;
        return id;
    }

    private void rehash(int capacity) {
        int[] rebuilt = new int[capacity];
        int mask = capacity - 1;
        for (int id = 0; id < size; id++) {
            if (lengths[id] == FREED) {
                continue;
            }
            int slot = hashes[id] & mask;
            while (rebuilt[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            rebuilt[slot] = id + 1;
        }
        slots = rebuilt;
    }

    /** FNV-1a over the bytes, then a mixing step so low bits spread for the mask. */
    private static int hash(MemorySegment source, long offset, int length) {
        int h = FNV_OFFSET;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long word = source.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + i);
            h = (h ^ (int) word) * FNV_PRIME;
            h = (h ^ (int) (word >>> 32)) * FNV_PRIME;
        }
        for (; i < length; i++) {
            h = (h ^ source.get(ValueLayout.JAVA_BYTE, offset + i)) * FNV_PRIME;
        }
        h ^= length;
        return h ^ (h >>> 16);
    }
}
