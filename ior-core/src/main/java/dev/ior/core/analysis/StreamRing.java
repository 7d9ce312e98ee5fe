package dev.ior.core.analysis;

import dev.ior.core.EventRecord;
import dev.ior.core.pipeline.InternedEvent;
import dev.ior.core.text.HeldIds;
import java.util.ArrayList;
import java.util.List;

/**
 * The last N events, each as {@value #STRIDE} longs in one array written in order (no
 * object per event, one cache line or two per event). Events become
 * {@link EventRecord}s only when a snapshot is published, each once. Pipeline thread
 * only.
 */
final class StreamRing {

    /** Decides whether the event at an index of a ring passes. */
    interface EntryTest {
        boolean test(StreamRing ring, int index);
    }

    private static final int STRIDE = 12;
    private static final int SEQ = 0;
    private static final int TIME = 1;
    private static final int WALL_TIME = 2;
    private static final int GAP = 3;
    private static final int LATENCY = 4;
    private static final int RET = 5;
    private static final int BYTES = 6;
    private static final int COMM_PID = 7;
    private static final int TID_FD = 8;
    private static final int FILE_OLD_FILE = 9;
    private static final int ERRNO_RESTARTS_TRUNCATED = 10;
    private static final int SYSCALL_OLD_FD = 11;

    private final int capacity;
    private final long[] events;
    /** Events already made into records, valid while their seq matches the event held. */
    private final EventRecord[] records;
    private long added;

    StreamRing(int capacity) {
        this.capacity = capacity;
        this.events = new long[capacity * STRIDE];
        this.records = new EventRecord[capacity];
    }

    void add(InternedEvent e) {
        int i = (int) (added++ % capacity);
        int o = i * STRIDE;
        long[] d = events;
        d[o + SEQ] = e.seq();
        d[o + TIME] = e.timeNs();
        d[o + WALL_TIME] = e.wallTimeNs();
        d[o + GAP] = e.gapNs();
        d[o + LATENCY] = e.latencyNs();
        d[o + RET] = e.ret();
        d[o + BYTES] = e.bytes();
        d[o + COMM_PID] = pack(e.commId(), e.pid());
        d[o + TID_FD] = pack(e.tid(), e.fd());
        d[o + FILE_OLD_FILE] = pack(e.fileId(), e.oldFileId());
        d[o + ERRNO_RESTARTS_TRUNCATED] = pack(e.errno(), e.restarts() << 1 | (e.fileTruncated() ? 1 : 0));
        d[o + SYSCALL_OLD_FD] = pack(e.syscall().id(), e.oldFd());
    }

    /** How many events are held. */
    int size() {
        return (int) Math.min(added, capacity);
    }

    /** The array index of the {@code k}-th oldest event held. */
    int index(int k) {
        return (int) ((added - size() + k) % capacity);
    }

    /** The seq of the oldest event held, or {@code Long.MAX_VALUE} when empty. */
    long oldestSeq() {
        return size() == 0 ? Long.MAX_VALUE : seq(index(0));
    }

    long seq(int i) {
        return events[i * STRIDE + SEQ];
    }

    int comm(int i) {
        return high(COMM_PID, i);
    }

    int pid(int i) {
        return low(COMM_PID, i);
    }

    int tid(int i) {
        return high(TID_FD, i);
    }

    int fd(int i) {
        return low(TID_FD, i);
    }

    int file(int i) {
        return high(FILE_OLD_FILE, i);
    }

    int syscall(int i) {
        return high(SYSCALL_OLD_FD, i);
    }

    long latencyNs(int i) {
        return events[i * STRIDE + LATENCY];
    }

    long gapNs(int i) {
        return events[i * STRIDE + GAP];
    }

    long bytes(int i) {
        return events[i * STRIDE + BYTES];
    }

    long ret(int i) {
        return events[i * STRIDE + RET];
    }

    /** Names the comm and path ids of the events held. */
    void markHeld(HeldIds held) {
        for (int k = 0; k < size(); k++) {
            int i = index(k);
            held.comm(comm(i));
            held.path(file(i));
            held.path(low(FILE_OLD_FILE, i));
        }
    }

    /** A new ring of this capacity holding this ring's events that pass {@code test}. */
    StreamRing filtered(EntryTest test) {
        StreamRing kept = new StreamRing(capacity);
        kept.addPassing(this, test, Long.MAX_VALUE);
        return kept;
    }

    /** Appends the events of {@code from} that pass {@code test} and have a seq below {@code seqBelow}. */
    void addPassing(StreamRing from, EntryTest test, long seqBelow) {
        for (int k = 0; k < from.size(); k++) {
            int j = from.index(k);
            if (from.seq(j) < seqBelow && test.test(from, j)) {
                int i = (int) (added++ % capacity);
                System.arraycopy(from.events, j * STRIDE, events, i * STRIDE, STRIDE);
                records[i] = from.records[j];
            }
        }
    }

    /** The events held, oldest first. */
    List<EventRecord> records(Names names) {
        int size = size();
        List<EventRecord> list = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            int i = index(k);
            EventRecord r = records[i];
            if (r == null || r.seq() != seq(i)) {
                int o = i * STRIDE;
                int flags = low(ERRNO_RESTARTS_TRUNCATED, i);
                r = new EventRecord(seq(i), events[o + TIME], events[o + WALL_TIME], gapNs(i), latencyNs(i),
                        names.comm(comm(i)), pid(i), tid(i), names.syscall(syscall(i)), fd(i), ret(i), bytes(i),
                        names.path(file(i)), names.path(low(FILE_OLD_FILE, i)), low(SYSCALL_OLD_FD, i), (flags & 1) != 0,
                        high(ERRNO_RESTARTS_TRUNCATED, i), flags >>> 1);
                records[i] = r;
            }
            list.add(r);
        }
        return list;
    }

    private int high(int field, int i) {
        return (int) (events[i * STRIDE + field] >>> 32);
    }

    private int low(int field, int i) {
        return (int) events[i * STRIDE + field];
    }

    private static long pack(int high, int low) {
        return ((long) high << 32) | (low & 0xffffffffL);
    }
}
