package dev.ior.bpf.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ring reader on a ring laid out by hand in ordinary memory, the way the kernel
 * lays it out: consumer page, producer page, data twice back to back.
 */
class RingReaderTest {

    private static final long PAGE = 4096;
    private static final long SIZE = 4096;

    private Arena arena;
    private MemorySegment consumer;
    private MemorySegment producer;
    private RingReader reader;
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void layOutRing() {
        arena = Arena.ofShared();
        consumer = arena.allocate(PAGE, PAGE);
        producer = arena.allocate(PAGE + 2 * SIZE, PAGE);
        reader = new RingReader(arena, new MemorySegment[] {consumer, producer}, SIZE, -1, -1);
    }

    @AfterEach
    void close() {
        reader.close();
    }

    @Test
    void readsCommittedRecordsInOrderAndAdvancesTheConsumerPosition() {
        long pos = record(0, "first", 0);
        pos = record(pos, "second!", 0);
        publish(pos);

        assertEquals(2, reader.drain(this::collect));
        assertEquals(List.of("first", "second!"), seen);
        // 8-byte header + payload, rounded up to 8: 8+5 -> 16, 8+7 -> 16
        assertEquals(32, consumerPos());
        assertEquals(0, reader.drain(this::collect), "nothing new");
    }

    @Test
    void skipsDiscardedRecordsButMovesPastThem() {
        long pos = record(0, "kept", 0);
        pos = record(pos, "dropped", RingLayout.DISCARD_BIT);
        pos = record(pos, "kept too", 0);
        publish(pos);

        assertEquals(3, reader.drain(this::collect));
        assertEquals(List.of("kept", "kept too"), seen);
        assertEquals(pos, consumerPos());
    }

    @Test
    void stopsAtABusyRecordAndResumesOnceItIsCommitted() {
        long first = record(0, "done", 0);
        long second = record(first, "in flight", RingLayout.BUSY_BIT);
        long third = record(second, "after", 0);
        publish(third);

        assertEquals(1, reader.drain(this::collect));
        assertEquals(List.of("done"), seen);
        assertEquals(first, consumerPos(), "must not pass the busy record");

        commit(first);
        assertEquals(2, reader.drain(this::collect));
        assertEquals(List.of("done", "in flight", "after"), seen);
        assertEquals(third, consumerPos());
    }

    @Test
    void readsARecordThatWrapsPastTheEndAsOneSlice() {
        // Start 16 bytes before the end: the header fits, the payload wraps around.
        long start = SIZE - 16;
        consumer.set(ValueLayout.JAVA_LONG, 0, start);
        RingReader fresh = new RingReader(arena, new MemorySegment[] {consumer, producer}, SIZE, -1, -1);
        String payload = "a record that wraps around the end";
        long end = record(start, payload, 0);
        publish(end);

        assertEquals(1, fresh.drain(this::collect));
        assertEquals(List.of(payload), seen);
        assertEquals(end, consumerPos());
        assertEquals(start + 8 + 40, end, "header + 34 bytes padded to 40");
    }

    private void collect(MemorySegment data, long offset, int length) {
        byte[] bytes = new byte[length];
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, offset, bytes, 0, length);
        seen.add(new String(bytes));
    }

    /** Writes a record at ring position pos (into both copies of the data) and returns the next. */
    private long record(long pos, String payload, int flags) {
        byte[] bytes = payload.getBytes();
        byte[] record = new byte[8 + bytes.length];
        MemorySegment header = MemorySegment.ofArray(record);
        header.set(ValueLayout.JAVA_INT_UNALIGNED, 0, bytes.length | flags);
        System.arraycopy(bytes, 0, record, 8, bytes.length);
        for (int i = 0; i < record.length; i++) {
            long at = (pos + i) & (SIZE - 1);
            // the kernel maps the data twice: a byte at `at` is also at `at + SIZE`
            producer.set(ValueLayout.JAVA_BYTE, PAGE + at, record[i]);
            producer.set(ValueLayout.JAVA_BYTE, PAGE + SIZE + at, record[i]);
        }
        return pos + ((8 + bytes.length + 7) & -8);
    }

    private void commit(long pos) {
        long at = pos & (SIZE - 1);
        int header = producer.get(ValueLayout.JAVA_INT, PAGE + at) & ~RingLayout.BUSY_BIT;
        producer.set(ValueLayout.JAVA_INT, PAGE + at, header);
        producer.set(ValueLayout.JAVA_INT, PAGE + SIZE + at, header);
    }

    private void publish(long producerPos) {
        producer.set(ValueLayout.JAVA_LONG, 0, producerPos);
    }

    private long consumerPos() {
        return consumer.get(ValueLayout.JAVA_LONG, 0);
    }
}
