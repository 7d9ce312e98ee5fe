package dev.ior.bpf.ring;

import dev.ior.bpf.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Reads a BPF ring buffer map in place: records are handed out as offsets into the
 * mapped data pages, never copied, and no libbpf callback (an upcall per record) is
 * involved. One thread reads; see {@link RingLayout} for the memory layout.
 *
 * <p>Memory ordering, paired with the kernel side (kernel/bpf/ringbuf.c):
 * <ul>
 * <li>producer_pos is read with acquire: it pairs with the producer's
 *     {@code smp_store_release(&rb->producer_pos)} in {@code __bpf_ringbuf_reserve},
 *     so every header below it is at least reserved.</li>
 * <li>each header's length word is read with acquire: it pairs with the
 *     {@code xchg(&hdr->len, new_len)} that clears BUSY in {@code bpf_ringbuf_commit},
 *     so once BUSY is clear the payload written before the commit is visible.</li>
 * <li>consumer_pos is written with release: it pairs with the producer's
 *     {@code smp_load_acquire(&rb->consumer_pos)} in {@code __bpf_ringbuf_reserve},
 *     so the kernel reuses space only after we finished reading it.</li>
 * </ul>
 */
public final class RingReader implements AutoCloseable {

    /** Receives one committed record; the bytes are valid only during the call. */
    @FunctionalInterface
    public interface RecordHandler {
        /** A record of {@code length} bytes at {@code offset} of {@code data}. */
        void onRecord(MemorySegment data, long offset, int length);
    }

    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    /** Publish consumer_pos at least this often while draining a long backlog. */
    private static final int RELEASE_EVERY = 256;

    private final MemorySegment consumerPage;
    private final MemorySegment producerMapping;
    private final MemorySegment data;
    private final long mask;
    private final long size;
    private final int epollFd;
    private final MemorySegment epollEvents;
    private final MemorySegment captureState;
    private final Arena arena = Arena.ofShared();
    /** Owns the mapped pages; closing it unmaps them. */
    private final Arena mappings;
    private long consumerPos;
    private boolean closed;

    /**
     * Maps the ring buffer map {@code mapFd} of {@code size} bytes (a power of two) and
     * registers it for epoll wake-ups.
     */
    public RingReader(int mapFd, long size) {
        this(Arena.ofShared(), size, Libc.epollCreate(), mapFd);
    }

    private RingReader(Arena mappings, long size, int epollFd, int mapFd) {
        this(mappings, mapPages(mappings, mapFd, size), size, epollFd, mapFd);
    }

    /** A reader over already-laid-out pages (tests build a ring in ordinary memory). */
    RingReader(Arena mappings, MemorySegment[] pages, long size, int epollFd, int mapFd) {
        this.mappings = mappings;
        this.consumerPage = pages[0];
        this.producerMapping = pages[1];
        this.size = size;
        this.mask = size - 1;
        long page = producerMapping.byteSize() - 2 * size;
        this.data = producerMapping.asSlice(page, 2 * size);
        this.epollFd = epollFd;
        this.epollEvents = arena.allocate(Libc.EPOLL_EVENT_SIZE * 4, 8);
        this.captureState = Libc.allocateCaptureState(arena);
        if (epollFd >= 0) {
            Libc.epollAdd(epollFd, mapFd);
        }
        this.consumerPos = (long) LONG.getAcquire(consumerPage, RingLayout.CONSUMER_POS);
    }

    /**
     * Maps the two regions into a shared arena that unmaps them when closed: closing
     * waits until no thread is inside an access, and any later access throws instead
     * of touching unmapped memory.
     */
    private static MemorySegment[] mapPages(Arena arena, int mapFd, long size) {
        long page = Libc.pageSize();
        MemorySegment consumer = Libc.mmap(page, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, mapFd, 0);
        MemorySegment producer = Libc.mmap(page + 2 * size, Libc.PROT_READ, Libc.MAP_SHARED, mapFd, page);
        return new MemorySegment[] {unmappedWith(arena, consumer), unmappedWith(arena, producer)};
    }

    private static MemorySegment unmappedWith(Arena arena, MemorySegment mapping) {
        long length = mapping.byteSize();
        return mapping.reinterpret(arena, unmapped -> Libc.munmap(unmapped.address(), length));
    }

    /**
     * Hands every committed record to {@code handler}, in order, until the ring is
     * empty or the next record is still being written. Returns how many were read.
     */
    public int drain(RecordHandler handler) {
        long producerPos = (long) LONG.getAcquire(producerMapping, RingLayout.PRODUCER_POS);
        long pos = consumerPos;
        int records = 0;
        while (pos < producerPos) {
            long offset = pos & mask;
            int header = (int) INT.getAcquire(data, offset + RingLayout.HEADER_LEN);
            if ((header & RingLayout.BUSY_BIT) != 0) {
                break; // reserved, not yet committed: stop here, records after it wait
            }
            int length = header & ~(RingLayout.BUSY_BIT | RingLayout.DISCARD_BIT);
            if ((header & RingLayout.DISCARD_BIT) == 0) {
                handler.onRecord(data, offset + RingLayout.HEADER_SIZE, length);
            }
            pos += RingLayout.advance(length);
            records++;
            if ((records & (RELEASE_EVERY - 1)) == 0) {
                LONG.setRelease(consumerPage, RingLayout.CONSUMER_POS, pos);
            }
        }
        if (pos != consumerPos) {
            consumerPos = pos;
            LONG.setRelease(consumerPage, RingLayout.CONSUMER_POS, pos);
        }
        return records;
    }

    /**
     * Waits until the kernel signals data or {@code timeoutMs} passes. Checks once
     * more after a full fence before sleeping, so data that arrived while we were
     * deciding to sleep is not left waiting for the timeout.
     */
    public void await(int timeoutMs) {
        if (epollFd < 0) {
            return;
        }
        VarHandle.fullFence();
        if ((long) LONG.getAcquire(producerMapping, RingLayout.PRODUCER_POS) != consumerPos) {
            return;
        }
        Libc.epollWait(epollFd, epollEvents, 4, timeoutMs, captureState);
    }

    /** How full the ring is now, 0..1; 0 once closed. Any thread (an estimate). */
    public double fill() {
        try {
            long producerPos = (long) LONG.getAcquire(producerMapping, RingLayout.PRODUCER_POS);
            long consumer = (long) LONG.getAcquire(consumerPage, RingLayout.CONSUMER_POS);
            return Math.max(0, producerPos - consumer) / (double) size;
        } catch (IllegalStateException closedMeanwhile) {
            return 0;
        }
    }

    /** Unmaps the ring and closes the epoll fd; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (epollFd >= 0) {
            Libc.close(epollFd);
        }
        mappings.close();
        arena.close();
    }

}
