package dev.ior.bpf.ring;

import dev.ior.bench.RecordedWorkload;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A BPF ring buffer laid out in native memory as the kernel lays it out (consumer
 * page, producer page, data twice), holding the first records of a
 * {@link RecordedWorkload} committed: what the live source reads, without a kernel.
 */
public final class MemoryRing {

    private static final long PAGE = 4096;

    private final MemorySegment consumer;
    private final MemorySegment producer;
    private final long size;
    private final long end;

    private MemoryRing(MemorySegment consumer, MemorySegment producer, long size, long end) {
        this.consumer = consumer;
        this.producer = producer;
        this.size = size;
        this.end = end;
    }

    /** A ring of {@code size} bytes (a power of two) holding the first {@code records} of {@code workload}. */
    public static MemoryRing of(RecordedWorkload workload, int records, long size) {
        Arena arena = Arena.ofShared();
        MemorySegment consumer = arena.allocate(PAGE, PAGE);
        MemorySegment producer = arena.allocate(PAGE + 2 * size, PAGE);
        MemorySegment data = producer.asSlice(PAGE, size);
        long pos = 0;
        for (int i = 0; i < records; i++) {
            int length = workload.lengths[i];
            if (pos + RingLayout.advance(length) > size) {
                throw new IllegalArgumentException(records + " records do not fit in " + size + " bytes");
            }
            data.set(ValueLayout.JAVA_INT, pos + RingLayout.HEADER_LEN, length);
            MemorySegment.copy(workload.data, workload.offsets[i], data, pos + RingLayout.HEADER_SIZE, length);
            pos += RingLayout.advance(length);
        }
        return new MemoryRing(consumer, producer, size, pos);
    }

    /**
     * A reader that finds every record unread (consumer at 0, producer past the last
     * record); closing it leaves the ring's memory alone.
     */
    public RingReader rewoundReader() {
        consumer.set(ValueLayout.JAVA_LONG, RingLayout.CONSUMER_POS, 0);
        producer.set(ValueLayout.JAVA_LONG, RingLayout.PRODUCER_POS, end);
        return new RingReader(Arena.ofShared(), new MemorySegment[] {consumer, producer}, size, -1, -1);
    }
}
