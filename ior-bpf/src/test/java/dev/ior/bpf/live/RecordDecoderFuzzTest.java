package dev.ior.bpf.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.bpf.ffi.ior_event;
import dev.ior.core.IorEvent;
import dev.ior.core.source.EventSink;
import dev.ior.core.source.RawEvent;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ring record decoder on arbitrary bytes: whatever a record holds, it either
 * decodes within the record's own length or counts the record as malformed, and
 * never reads past it (a read outside the segment would throw).
 */
class RecordDecoderFuzzTest {

    private static final long HEADER = ior_event.layout().byteSize();
    private static final long SEED = 0x10e_2026L;

    @Test
    void randomRecordsNeverReadOutsideThemselves() {
        Random random = new Random(SEED);
        long[] decoded = {0};
        int[] recordLength = {0};
        EventSink sink = new EventSink() {
            @Override
            public void onRaw(RawEvent e) {
                // touching every path byte proves the lengths are within the record
                for (int i = 0; i < e.pathLength; i++) {
                    e.paths.get(ValueLayout.JAVA_BYTE, e.pathOffset + i);
                }
                for (int i = 0; i < e.path2Length; i++) {
                    e.paths.get(ValueLayout.JAVA_BYTE, e.path2Offset + i);
                }
                assertTrue(e.path2Offset + e.path2Length <= e.pathOffset - HEADER + recordLength[0]);
                decoded[0]++;
            }

            @Override
            public void onEvent(IorEvent event) {
                throw new AssertionError("the decoder delivers raw records only");
            }

            @Override
            public void onIdle() {
            }
        };
        RecordDecoder decoder = new RecordDecoder(sink);
        long deadline = System.nanoTime() + 2_000_000_000L;
        int records = 0;
        try (Arena arena = Arena.ofConfined()) {
            while (System.nanoTime() < deadline) {
                int length = random.nextInt((int) HEADER + 2100);
                // each record in a segment of exactly its length: any overread throws
                MemorySegment record = arena.allocate(Math.max(length, 1), 8).asSlice(0, length);
                for (int i = 0; i < length; i++) {
                    record.set(ValueLayout.JAVA_BYTE, i, (byte) random.nextInt());
                }
                if (length >= HEADER && random.nextBoolean()) {
                    // plausible lengths as often as random ones
                    record.set(ValueLayout.JAVA_SHORT, ior_event.path_len$offset(),
                            (short) random.nextInt((int) (length - HEADER) + 1));
                    record.set(ValueLayout.JAVA_SHORT, ior_event.path2_len$offset(), (short) 0);
                }
                recordLength[0] = length;
                decoder.onRecord(record, 0, length);
                records++;
            }
        }
        assertEquals(records, decoded[0] + decoder.malformed(), "every record decoded or counted");
        assertTrue(decoded[0] > 0 && decoder.malformed() > 0);
    }
}
