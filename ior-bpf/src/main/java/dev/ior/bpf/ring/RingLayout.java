package dev.ior.bpf.ring;

/**
 * The BPF ring buffer as the kernel lays it out (kernel/bpf/ringbuf.c), drawn once:
 *
 * <pre>
 *  mmap(fd, offset 0, 1 page, read-write)     mmap(fd, offset 1 page, page + 2 x size, read-only)
 *  +------------------+                       +------------------+------------+------------+
 *  | consumer_pos u64 |  written by us        | producer_pos u64 | data       | data again |
 *  +------------------+                       +------------------+------------+------------+
 *                                             0                  page         page + size
 *
 *  record at data + (pos &amp; (size - 1)):
 *  +---------------------------------+-------------+-----------------------------+
 *  | u32 len (bit 31 BUSY, 30 DISCARD) | u32 pg_off  | payload (len bytes), pad to 8 |
 *  +---------------------------------+-------------+-----------------------------+
 * </pre>
 *
 * The data pages are mapped twice back to back, so a record that wraps past the end
 * reads as one contiguous slice.
 */
final class RingLayout {

    /** Offset of consumer_pos in the consumer page. */
    static final long CONSUMER_POS = 0;
    /** Offset of producer_pos in the producer mapping. */
    static final long PRODUCER_POS = 0;
    /** Size of a record header. */
    static final int HEADER_SIZE = 8;
    /** Offset of the length word in a record header. */
    static final long HEADER_LEN = 0;
    /** Set while the record is reserved but not yet committed. */
    static final int BUSY_BIT = 1 << 31;
    /** Set when the producer discarded the record: skip it, but advance. */
    static final int DISCARD_BIT = 1 << 30;
    /** Records are 8-byte aligned. */
    static final int ALIGN = 8;

    private RingLayout() {
    }

    /** The distance from one record's header to the next's. */
    static long advance(int payloadLength) {
        return (payloadLength + HEADER_SIZE + ALIGN - 1) & -ALIGN;
    }
}
